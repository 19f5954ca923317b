import { ENDPOINTS } from "@/lib/api/endpoints";
import { requirePermission } from "@/lib/auth/require";
import { route } from "@/lib/http/api";

export const GET = route(ENDPOINTS.me, async ({ ctx }) => {
  const me = requirePermission(ctx, "account.self");
  return {
    body: {
      id: me.userId, email: me.email, name: me.name, role: me.role, provinceCode: me.provinceCode, ministryCode: me.ministryCode,
      permissions: [...me.permissions], via: me.via,
    },
  };
});
