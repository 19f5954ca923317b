import { ENDPOINTS } from "@/lib/api/endpoints";
import { enrolDevice, listDevices } from "@/lib/checkin";
import { route } from "@/lib/http/api";

export const GET = route(ENDPOINTS.listDevices, async ({ ctx }) => ({ body: await listDevices(ctx) }));
export const POST = route(ENDPOINTS.enrolDevice, async ({ ctx, body }) => ({ status: 201, body: await enrolDevice(ctx, body) }));
