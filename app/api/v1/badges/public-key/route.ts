import { ENDPOINTS } from "@/lib/api/endpoints";
import { signedMessage } from "@/lib/badges/code";
import { eventKey } from "@/lib/badges/keys";
import { route } from "@/lib/http/api";
import { currentEvent } from "@/lib/registration/common";

export const GET = route(ENDPOINTS.badgePublicKey, async ({ ctx }) => {
  const event = await currentEvent(ctx.db);
  const key = await eventKey(ctx.db, event.id);
  return {
    body: {
      eventId: event.id,
      algorithm: "Ed25519" as const,
      publicKey: key.publicKeyRaw,
      format: "170 digits: 1 version · 10 badge id · 4 serial · 155 signature (64-byte Ed25519 signature as a zero-padded decimal number)",
      signedMessage: signedMessage({ eventId: event.id, badgeId: 0, serial: 0 }).toString("utf8").replace("id:0", "id:{badgeId}").replace("serial:0", "serial:{serial}"),
    },
    headers: { "Cache-Control": "public, max-age=300" },
  };
});
