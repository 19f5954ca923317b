import { z } from "zod";
import { auditEntrySchema, listAuditQuery } from "@/lib/audit/list";
import { PERMISSIONS, ROLES } from "@/lib/auth/permissions";
import { defineEndpoint, type EndpointDef } from "@/lib/http/endpoint";
import { createTokenInput, tokenSchema } from "@/lib/tokens/tokens";
import { changePasswordInput, completeResetInput } from "@/lib/users/password-reset";
import { createUserInput, listUsersQuery, updateUserInput, userIdParams, userSchema } from "@/lib/users/schemas";
import { positiveInt } from "@/lib/validation";

const problem = { description: "RFC 9457 problem+json" };
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const meSchema = z.object({
  id: z.number().int(), email: z.string(), name: z.string(), role: z.enum(ROLES), provinceCode: z.string().nullable(), ministryCode: z.string().nullable(),
  permissions: z.array(z.enum(PERMISSIONS)), via: z.enum(["session", "token"]),
});

/** Every /api/v1 endpoint: the OpenAPI document and the permission-matrix test are generated from this list. */
export const ENDPOINTS = {
  openapi: defineEndpoint({
    id: "openapi", method: "GET", path: "/api/v1/openapi.json", summary: "This OpenAPI 3.1 document", tags: ["meta"], access: "public",
    responses: { 200: { description: "OpenAPI document" } },
  }),
  me: defineEndpoint({
    id: "me", method: "GET", path: "/api/v1/me", summary: "The signed-in user, with role, unit and permissions", tags: ["account"], access: "account.self",
    responses: { 200: { description: "Current user", schema: meSchema }, 401: problem },
  }),
  changePassword: defineEndpoint({
    id: "changePassword", method: "POST", path: "/api/v1/me/password", summary: "Change the signed-in user's password", tags: ["account"], access: "account.self",
    body: changePasswordInput, responses: { 200: { description: "Changed" }, 422: problem },
  }),
  completePasswordReset: defineEndpoint({
    id: "completePasswordReset", method: "POST", path: "/api/v1/password-resets", summary: "Set a new password with a reset link's token", tags: ["account"], access: "public",
    body: completeResetInput, responses: { 200: { description: "Password set" }, 422: problem },
  }),
  listTokens: defineEndpoint({
    id: "listTokens", method: "GET", path: "/api/v1/tokens", summary: "The caller's API tokens (never the secret)", tags: ["account"], access: "account.self",
    responses: { 200: { description: "Tokens", schema: z.object({ items: z.array(tokenSchema) }) } },
  }),
  createToken: defineEndpoint({
    id: "createToken", method: "POST", path: "/api/v1/tokens", summary: "Create an API token; the secret is shown once", tags: ["account"], access: "account.self",
    body: createTokenInput, responses: { 201: { description: "Created", schema: tokenSchema.extend({ token: z.string() }) }, 422: problem },
  }),
  revokeToken: defineEndpoint({
    id: "revokeToken", method: "DELETE", path: "/api/v1/tokens/{id}", summary: "Revoke an API token", tags: ["account"], access: "account.self",
    params: z.object({ id: positiveInt() }).strict(), responses: { 200: { description: "Revoked", schema: tokenSchema }, 404: problem },
  }),
  listUsers: defineEndpoint({
    id: "listUsers", method: "GET", path: "/api/v1/users", summary: "Search staff accounts", tags: ["users"], access: "users.read",
    query: listUsersQuery, responses: { 200: { description: "Users", schema: page(userSchema) } },
  }),
  createUser: defineEndpoint({
    id: "createUser", method: "POST", path: "/api/v1/users", summary: "Create a staff account (without a password, a set-password link is emailed)", tags: ["users"], access: "users.manage",
    body: createUserInput, responses: { 201: { description: "Created", schema: z.object({ user: userSchema, resetLinkSent: z.boolean() }) }, 409: problem, 422: problem },
  }),
  getUser: defineEndpoint({
    id: "getUser", method: "GET", path: "/api/v1/users/{id}", summary: "One staff account", tags: ["users"], access: "users.read",
    params: userIdParams, responses: { 200: { description: "User", schema: userSchema }, 404: problem },
  }),
  updateUser: defineEndpoint({
    id: "updateUser", method: "PATCH", path: "/api/v1/users/{id}", summary: "Edit, disable or re-enable a staff account; assign role and unit", tags: ["users"], access: "users.manage",
    params: userIdParams, body: updateUserInput, responses: { 200: { description: "Updated", schema: userSchema }, 404: problem, 409: problem, 422: problem },
  }),
  sendPasswordReset: defineEndpoint({
    id: "sendPasswordReset", method: "POST", path: "/api/v1/users/{id}/password-reset", summary: "Email the user a one-time reset link", tags: ["users"], access: "users.manage",
    params: userIdParams, responses: { 202: { description: "Queued" }, 404: problem },
  }),
  listAudit: defineEndpoint({
    id: "listAudit", method: "GET", path: "/api/v1/audit", summary: "Browse the audit log", tags: ["audit"], access: "audit.read",
    query: listAuditQuery, responses: { 200: { description: "Audit entries", schema: page(auditEntrySchema) } },
  }),
} satisfies Record<string, EndpointDef>;

export const ENDPOINT_LIST: EndpointDef[] = Object.values(ENDPOINTS);
