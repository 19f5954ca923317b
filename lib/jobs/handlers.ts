import { EMAIL_JOB } from "@/lib/mail/outbox";
import { makeSendEmailHandler } from "@/lib/mail/send-job";
import type { JobHandlers } from "./worker";

/** Every job kind the server runs. Later capabilities (PDF batches, imports) add theirs here. */
export function jobHandlers(): JobHandlers {
  return {
    [EMAIL_JOB]: makeSendEmailHandler(),
  };
}
