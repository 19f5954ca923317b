/** The outbox statuses' colours (the text says the status; colour only helps). */
export const OUTBOX_TONE: Record<string, string> = {
  queued: "bg-amber-100 text-amber-950", sent: "bg-green-100 text-green-900", stored: "bg-blue-100 text-blue-950", failed: "bg-red-100 text-red-900",
};
