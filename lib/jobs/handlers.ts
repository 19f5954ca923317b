import { EMAIL_JOB } from "@/lib/mail/outbox";
import { BADGE_PRINT_JOB } from "@/lib/badges/print";
import { makeBadgePrintHandler } from "@/lib/badges/print-job";
import { makeSendEmailHandler } from "@/lib/mail/send-job";
import { CONTACT_BADGES_JOB, makeContactBadgesHandler } from "@/lib/registration/contact";
import type { JobHandlers } from "./worker";

/** Every job kind the server runs. Later capabilities (PDF batches, imports) add theirs here. */
export function jobHandlers(): JobHandlers {
  return {
    [EMAIL_JOB]: makeSendEmailHandler(),
    [BADGE_PRINT_JOB]: makeBadgePrintHandler(),
    [CONTACT_BADGES_JOB]: makeContactBadgesHandler(),
  };
}
