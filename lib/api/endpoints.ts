import { z } from "zod";
import { auditEntrySchema, listAuditQuery } from "@/lib/audit/list";
import { PERMISSIONS, ROLES } from "@/lib/auth/permissions";
import { defineEndpoint, type EndpointDef } from "@/lib/http/endpoint";
import { createTokenInput, tokenSchema } from "@/lib/tokens/tokens";
import { changePasswordInput, completeResetInput } from "@/lib/users/password-reset";
import { createUserInput, listUsersQuery, updateUserInput, userIdParams, userSchema } from "@/lib/users/schemas";
import { categoryPatch, categoryView } from "@/lib/categories/categories";
import { inviteInput } from "@/lib/registration/invitations";
import { exportRegistrationsQuery } from "@/lib/registration/export";
import { jobIdParams, jobView, printBadgesInput } from "@/lib/badges/print";
import { MAX_IMPORT_BYTES } from "@/lib/registration/import";
import { substituteInput } from "@/lib/registration/substitute";
import { bulkInput } from "@/lib/registration/bulk";
import { contactInput } from "@/lib/registration/contact";
import { memberInput, quotaInput, unitParams } from "@/lib/registration/delegation";
import { exportDelegationsQuery } from "@/lib/registration/delegation-list";
import { resendInput } from "@/lib/registration/resend";
import { cancelInput, listRegistrationsQuery, registrationIdParams, registrationInput, registrationPatch, registrationView, rejectInput, staffRegistrationPatch } from "@/lib/registration/schemas";
import { positiveInt } from "@/lib/validation";
import {
  attendanceDelegation, attendanceQuery, checkinSearchItem, checkinSearchQuery, checkinStatsSchema, checkpointCodeParams, checkpointPatch, checkpointView,
  listScansQuery, manualCheckinInput, scanAnswer, scanIdParams, scanInput, scanListItem,
  batchInput, conflictView, deviceIdParams, deviceView, enrolDeviceInput, rosterQuery,
} from "@/lib/checkin";

const contactView = z.object({ name: z.string(), position: z.string().nullable(), email: z.string(), phone: z.string(), updatedAt: z.string() });
const contactBadgesView = z.object({
  pending: z.number().int(),
  unsent: z.number().int(),
  last: z.object({ jobId: z.number().int(), status: z.string(), count: z.number().int(), at: z.string(), downloadUrl: z.string().nullable() }).nullable(),
});
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
  listCategories: defineEndpoint({
    id: "listCategories", method: "GET", path: "/api/v1/categories", summary: "Delegate categories: the public ones without sign-in, all of them for organisers", tags: ["registration"], access: "public",
    responses: { 200: { description: "Categories", schema: z.object({ items: z.array(categoryView) }) } },
  }),
  updateCategory: defineEndpoint({
    id: "updateCategory", method: "PATCH", path: "/api/v1/categories/{code}", summary: "Edit a delegate category (raising the capacity promotes the waiting list)", tags: ["registration"], access: "categories.manage",
    params: z.object({ code: z.string().regex(/^[a-z0-9-]{2,40}$/) }).strict(), body: categoryPatch,
    responses: { 200: { description: "Updated", schema: categoryView }, 404: problem, 422: problem },
  }),
  register: defineEndpoint({
    id: "register", method: "POST", path: "/api/v1/registrations", summary: "Register as a delegate (public categories; no account). Rate-limited per client.", tags: ["registration"], access: "public",
    body: registrationInput, responses: { 201: { description: "confirmed, pending or waitlisted", schema: registrationView }, 409: problem, 422: problem, 429: problem },
  }),
  resendConfirmation: defineEndpoint({
    id: "resendConfirmation", method: "POST", path: "/api/v1/registrations/resend", summary: "Send the registration email again to its address (same answer whether or not it is registered)", tags: ["registration"], access: "public",
    body: resendInput, responses: { 202: { description: "Queued if registered" }, 422: problem, 429: problem },
  }),
  listRegistrations: defineEndpoint({
    id: "listRegistrations", method: "GET", path: "/api/v1/registrations", summary: "Search registrations (diacritics-insensitive), filter, paginate", tags: ["registration"],
    access: ["registrations.read", "registrations.unit"], scope: "province and ministry officers see only their unit's delegates",
    query: listRegistrationsQuery, responses: { 200: { description: "Registrations", schema: page(registrationView) } },
  }),
  getRegistration: defineEndpoint({
    id: "getRegistration", method: "GET", path: "/api/v1/registrations/{id}", summary: "One registration", tags: ["registration"],
    access: ["registrations.read", "registrations.unit"], scope: "own unit only for officers", params: registrationIdParams,
    responses: { 200: { description: "Registration", schema: registrationView }, 404: problem },
  }),
  updateRegistration: defineEndpoint({
    id: "updateRegistration", method: "PATCH", path: "/api/v1/registrations/{id}", summary: "Edit a registration (organisers also set the door note and protocol rank)", tags: ["registration"],
    access: ["registrations.manage", "registrations.unit"], scope: "own unit only for officers", params: registrationIdParams, body: staffRegistrationPatch.or(registrationPatch),
    responses: { 200: { description: "Updated", schema: registrationView }, 404: problem, 422: problem },
  }),
  approveRegistration: defineEndpoint({
    id: "approveRegistration", method: "POST", path: "/api/v1/registrations/{id}/approve", summary: "pending → confirmed (the badge is emailed)", tags: ["registration"], access: "registrations.manage",
    params: registrationIdParams, responses: { 200: { description: "Confirmed", schema: registrationView }, 409: problem },
  }),
  rejectRegistration: defineEndpoint({
    id: "rejectRegistration", method: "POST", path: "/api/v1/registrations/{id}/reject", summary: "→ rejected, with a reason (a freed place promotes the waiting list)", tags: ["registration"], access: "registrations.manage",
    params: registrationIdParams, body: rejectInput, responses: { 200: { description: "Rejected", schema: registrationView }, 409: problem, 422: problem },
  }),
  cancelRegistration: defineEndpoint({
    id: "cancelRegistration", method: "POST", path: "/api/v1/registrations/{id}/cancel", summary: "→ cancelled (a freed place promotes the first waitlisted delegate)", tags: ["registration"],
    access: ["registrations.manage", "registrations.unit"], scope: "own unit only for officers", params: registrationIdParams, body: cancelInput, bodyOptional: true,
    responses: { 200: { description: "Cancelled", schema: registrationView }, 409: problem },
  }),
  reissueBadge: defineEndpoint({
    id: "reissueBadge", method: "POST", path: "/api/v1/registrations/{id}/reissue-badge", summary: "New badge serial: the old QR code is refused from now on", tags: ["badges"], access: "badges.reissue",
    params: registrationIdParams, responses: { 200: { description: "Re-issued", schema: registrationView.extend({ code: z.string() }) }, 404: problem },
  }),
  getBadge: defineEndpoint({
    id: "getBadge", method: "GET", path: "/api/v1/registrations/{id}/badge", summary: "The badge's signed code (digits) for staff, or for the holder of the delegate's link (?token=)", tags: ["badges"],
    access: ["registrations.read", "registrations.unit", "checkin.scan"], linkAccess: true, params: registrationIdParams,
    query: z.object({ token: z.string().max(400).optional() }).strict(),
    responses: { 200: { description: "Code", schema: z.object({ code: z.string().regex(/^\d{170}$/) }) }, 404: problem },
  }),
  badgePublicKey: defineEndpoint({
    id: "badgePublicKey", method: "GET", path: "/api/v1/badges/public-key", summary: "The event's Ed25519 verification key and the badge code format", tags: ["badges"], access: "public",
    responses: { 200: { description: "Key", schema: z.object({ eventId: z.number(), algorithm: z.literal("Ed25519"), publicKey: z.string(), format: z.string(), signedMessage: z.string() }) } },
  }),
  listInvitations: defineEndpoint({
    id: "listInvitations", method: "GET", path: "/api/v1/invitations", summary: "Invitations of the current event", tags: ["registration"], access: "registrations.manage",
    responses: { 200: { description: "Invitations" } },
  }),
  invite: defineEndpoint({
    id: "invite", method: "POST", path: "/api/v1/invitations", summary: "Invite one person or a list into an invitation-only category (emails a signed link)", tags: ["registration"], access: "registrations.manage",
    body: inviteInput, responses: { 201: { description: "Created (existing invitations skipped)" }, 422: problem },
  }),
  revokeInvitation: defineEndpoint({
    id: "revokeInvitation", method: "POST", path: "/api/v1/invitations/{id}/revoke", summary: "Revoke an invitation (its link stops working)", tags: ["registration"], access: "registrations.manage",
    params: z.object({ id: positiveInt() }).strict(), responses: { 200: { description: "Revoked" }, 404: problem, 409: problem },
  }),
  resendInvitation: defineEndpoint({
    id: "resendInvitation", method: "POST", path: "/api/v1/invitations/{id}/resend", summary: "Send the invitation email again", tags: ["registration"], access: "registrations.manage",
    params: z.object({ id: positiveInt() }).strict(), responses: { 200: { description: "Resent" }, 404: problem, 409: problem },
  }),
  listCheckpoints: defineEndpoint({
    id: "listCheckpoints", method: "GET", path: "/api/v1/checkpoints", summary: "The doors (trien-lam, le-ton-vinh, hoi-truong) with their rules and how many are inside", tags: ["checkin"],
    access: ["checkin.scan", "checkin.dashboard", "event.manage"], responses: { 200: { description: "Checkpoints", schema: z.object({ items: z.array(checkpointView) }) } },
  }),
  updateCheckpoint: defineEndpoint({
    id: "updateCheckpoint", method: "PATCH", path: "/api/v1/checkpoints/{code}", summary: "Edit a checkpoint's rules: categories allowed, opening windows, re-entry (audited)", tags: ["checkin"],
    access: "event.manage", params: checkpointCodeParams, body: checkpointPatch,
    responses: { 200: { description: "Updated", schema: checkpointView }, 404: problem, 422: problem },
  }),
  checkin: defineEndpoint({
    id: "checkin", method: "POST", path: "/api/v1/checkins", summary: "Scan a badge at a checkpoint. Always 200 with the answer (admitted, already_admitted, refused with a reason, invalid); a nonce already seen returns the original answer and records nothing", tags: ["checkin"],
    access: "checkin.scan", body: scanInput, bodyLimit: 8 * 1024,
    responses: { 200: { description: "The scan's answer", schema: scanAnswer }, 422: problem },
  }),
  listCheckins: defineEndpoint({
    id: "listCheckins", method: "GET", path: "/api/v1/checkins", summary: "Recent scans, newest first (refusals included)", tags: ["checkin"],
    access: ["checkin.supervise", "checkin.dashboard"], query: listScansQuery, responses: { 200: { description: "Scans", schema: z.object({ items: z.array(scanListItem) }) } },
  }),
  manualCheckin: defineEndpoint({
    id: "manualCheckin", method: "POST", path: "/api/v1/checkins/manual", summary: "Check a delegate in or out without the badge (supervisors; same rules; audited)", tags: ["checkin"],
    access: "checkin.supervise", body: manualCheckinInput, responses: { 200: { description: "The scan's answer", schema: scanAnswer }, 404: problem, 422: problem },
  }),
  undoCheckin: defineEndpoint({
    id: "undoCheckin", method: "POST", path: "/api/v1/checkins/{id}/undo", summary: "Undo a recorded entry or exit (the delegate's latest at that door; audited)", tags: ["checkin"],
    access: "checkin.supervise", params: scanIdParams, responses: { 200: { description: "Undone", schema: z.object({ id: z.number().int(), undoneAt: z.string() }) }, 404: problem, 409: problem },
  }),
  searchCheckin: defineEndpoint({
    id: "searchCheckin", method: "GET", path: "/api/v1/checkins/search", summary: "Find a delegate without a badge: name without diacritics, or phone", tags: ["checkin"],
    access: "checkin.scan", query: checkinSearchQuery, responses: { 200: { description: "Up to 20 delegates", schema: z.object({ items: z.array(checkinSearchItem) }) }, 422: problem },
  }),
  registerWalkIn: defineEndpoint({
    id: "registerWalkIn", method: "POST", path: "/api/v1/checkins/walk-ins", summary: "Desk mode: register a walk-in (public categories; approval and capacity rules apply)", tags: ["checkin"],
    access: "checkin.supervise", body: registrationInput,
    responses: { 201: { description: "Registered", schema: z.object({ registration: registrationView, badgeUrl: z.string().nullable(), code: z.string().nullable() }) }, 409: problem, 422: problem },
  }),
  checkinStats: defineEndpoint({
    id: "checkinStats", method: "GET", path: "/api/v1/checkins/stats", summary: "Live figures: per checkpoint, over time, by category and province, recent scans, VIPs present in protocol order", tags: ["checkin"],
    access: "checkin.dashboard", responses: { 200: { description: "Stats", schema: checkinStatsSchema } },
  }),
  checkinStream: defineEndpoint({
    id: "checkinStream", method: "GET", path: "/api/v1/checkins/stream", summary: "Server-Sent Events: `event: stats` (the stats document) whenever a scan is recorded or undone", tags: ["checkin"],
    access: "checkin.dashboard", responses: { 200: { description: "text/event-stream" } },
  }),
  checkinAttendance: defineEndpoint({
    id: "checkinAttendance", method: "GET", path: "/api/v1/checkins/attendance", summary: "Attendance per delegation: JSON, CSV (UTF-8 with BOM) or XLSX, streamed", tags: ["checkin"],
    access: "checkin.dashboard", query: attendanceQuery,
    responses: { 200: { description: "Attendance (format=json; csv and xlsx are files)", schema: z.object({ items: z.array(attendanceDelegation) }) } },
  }),
  checkinRoster: defineEndpoint({
    id: "checkinRoster", method: "GET", path: "/api/v1/checkins/roster", summary: "What a door needs offline: registrations (no emails or phones; a phone hash), rules, public key, who is inside; `since=<cursor>` for changes only. A revoked device gets 410", tags: ["checkin"],
    access: "checkin.scan", query: rosterQuery,
    responses: { 200: { description: "Roster (gzip when accepted)" }, 410: problem, 422: problem },
  }),
  uploadOfflineScans: defineEndpoint({
    id: "uploadOfflineScans", method: "POST", path: "/api/v1/checkins/batch", summary: "Upload scans decided offline, in scan-time order; idempotent by nonce; double admissions by two devices are recorded as conflicts", tags: ["checkin"],
    access: "checkin.scan", body: batchInput, bodyLimit: 1024 * 1024,
    responses: { 200: { description: "One result per scan, in the order sent", schema: z.object({ results: z.array(scanAnswer.extend({ nonce: z.string(), conflict: z.boolean().optional() })) }) }, 410: problem, 422: problem },
  }),
  listDevices: defineEndpoint({
    id: "listDevices", method: "GET", path: "/api/v1/checkins/devices", summary: "Scanner devices: last sync, queue length, battery, revoked", tags: ["checkin"],
    access: ["checkin.supervise", "checkin.dashboard"], responses: { 200: { description: "Devices", schema: z.object({ items: z.array(deviceView) }) } },
  }),
  enrolDevice: defineEndpoint({
    id: "enrolDevice", method: "POST", path: "/api/v1/checkins/devices", summary: "Enrol this phone as a named scanner (audited)", tags: ["checkin"],
    access: "checkin.scan", body: enrolDeviceInput, responses: { 201: { description: "Enrolled", schema: deviceView }, 422: problem },
  }),
  revokeDevice: defineEndpoint({
    id: "revokeDevice", method: "POST", path: "/api/v1/checkins/devices/{id}/revoke", summary: "Revoke a scanner: its next sync wipes it and stops it (audited)", tags: ["checkin"],
    access: "checkin.supervise", params: deviceIdParams, responses: { 200: { description: "Revoked", schema: deviceView }, 404: problem },
  }),
  listConflicts: defineEndpoint({
    id: "listConflicts", method: "GET", path: "/api/v1/checkins/conflicts", summary: "Badges admitted by two devices while offline, with both scans", tags: ["checkin"],
    access: ["checkin.supervise", "checkin.dashboard"], responses: { 200: { description: "Conflicts", schema: z.object({ items: z.array(conflictView) }) } },
  }),
  exportRegistrations: defineEndpoint({
    id: "exportRegistrations", method: "GET", path: "/api/v1/registrations/export", summary: "The filtered registrations as CSV (UTF-8 with BOM) or XLSX, streamed; officers get their own unit only (audited)", tags: ["registration"],
    access: ["registrations.read", "registrations.unit"], scope: "province and ministry officers: their own unit", query: exportRegistrationsQuery,
    responses: { 200: { description: "text/csv or XLSX file" }, 422: problem },
  }),
  substituteDelegate: defineEndpoint({
    id: "substituteDelegate", method: "POST", path: "/api/v1/registrations/{id}/substitute", summary: "A new person takes the delegate's place: the old registration is cancelled and its badge refused, the substitute keeps the place (category, delegation, status)", tags: ["registration"],
    access: ["registrations.manage", "registrations.unit"], scope: "province and ministry officers: their own unit", params: registrationIdParams, body: substituteInput,
    responses: { 200: { description: "Substituted", schema: z.object({ substitute: registrationView, replaced: registrationView }) }, 403: problem, 404: problem, 409: problem, 422: problem },
  }),
  listDelegations: defineEndpoint({
    id: "listDelegations", method: "GET", path: "/api/v1/delegations", summary: "Every province's and ministry's delegation: quota, places used and left, members by status, contact person (officers: their own unit's row)", tags: ["delegations"],
    access: ["registrations.read", "registrations.unit"], scope: "province and ministry officers: their own unit",
    responses: { 200: { description: "{ items: [...] }" } },
  }),
  exportDelegations: defineEndpoint({
    id: "exportDelegations", method: "GET", path: "/api/v1/delegations/export", summary: "The delegations (quota, places, members by status, contact) as CSV (UTF-8 with BOM) or XLSX, streamed; officers get their own unit's row (audited)", tags: ["delegations"],
    access: ["registrations.read", "registrations.unit"], scope: "province and ministry officers: their own unit", query: exportDelegationsQuery,
    responses: { 200: { description: "text/csv or XLSX" }, 422: problem },
  }),
  getDelegation: defineEndpoint({
    id: "getDelegation", method: "GET", path: "/api/v1/delegations/{kind}/{code}", summary: "A province's or ministry's delegation: members with status, quota, places used and left (officers: their own unit, whatever the path says)", tags: ["delegations"],
    access: ["registrations.read", "registrations.unit"], scope: "province and ministry officers: their own unit", params: unitParams,
    responses: { 200: { description: "Delegation" }, 403: problem, 422: problem },
  }),
  setDelegationQuota: defineEndpoint({
    id: "setDelegationQuota", method: "PUT", path: "/api/v1/delegations/{kind}/{code}/quota", summary: "Set (or with null remove) a delegation's quota of places (audited)", tags: ["delegations"],
    access: "registrations.manage", params: unitParams, body: quotaInput,
    responses: { 200: { description: "Quota", schema: z.object({ quota: z.number().int().nullable(), used: z.number().int() }) }, 422: problem },
  }),
  getDelegationContact: defineEndpoint({
    id: "getDelegationContact", method: "GET", path: "/api/v1/delegations/{kind}/{code}/contact", summary: "The delegation's contact person (null: none yet), how many confirmed members without a personal email wait for their badges, and the last sending", tags: ["delegations"],
    access: ["registrations.read", "registrations.unit"], scope: "province and ministry officers: their own unit, whatever the path says", params: unitParams,
    responses: { 200: { description: "Contact and badges", schema: z.object({ contact: contactView.nullable(), badges: contactBadgesView }) }, 403: problem, 422: problem },
  }),
  setDelegationContact: defineEndpoint({
    id: "setDelegationContact", method: "PUT", path: "/api/v1/delegations/{kind}/{code}/contact", summary: "Set the delegation's contact person, who receives the badges of members without a personal email (audited)", tags: ["delegations"],
    access: ["registrations.manage", "registrations.unit"], scope: "province and ministry officers: their own unit, whatever the path says", params: unitParams, body: contactInput,
    responses: { 200: { description: "Contact", schema: contactView }, 403: problem, 422: problem },
  }),
  sendContactBadges: defineEndpoint({
    id: "sendContactBadges", method: "POST", path: "/api/v1/delegations/{kind}/{code}/contact/badges", summary: "Send the badges of the delegation's confirmed members without a personal email to its contact: one email with one printable PDF (four A6 per A4) and each QR code; a background job, followed at GET /api/v1/jobs/{id} (audited)", tags: ["delegations"],
    access: ["registrations.manage", "registrations.unit"], scope: "province and ministry officers: their own unit, whatever the path says", params: unitParams,
    responses: { 202: { description: "Queued", schema: z.object({ jobId: z.number().int(), count: z.number().int(), to: z.string() }) }, 403: problem, 409: problem, 422: problem },
  }),
  addDelegationMember: defineEndpoint({
    id: "addDelegationMember", method: "POST", path: "/api/v1/delegations/members", summary: "Add a member to the caller's delegation (organisers name the unit): a portal category, within the quota", tags: ["delegations"],
    access: ["registrations.manage", "registrations.unit"], scope: "province and ministry officers: their own unit", body: memberInput,
    responses: { 201: { description: "Registered", schema: registrationView }, 409: problem, 422: problem },
  }),
  importRegistrations: defineEndpoint({
    id: "importRegistrations", method: "POST", path: "/api/v1/registrations/import", summary: "Bulk import from CSV (UTF-8, Windows-1258 or TCVN3) or XLSX, multipart field `file`, `dryRun` (default true): the whole file is checked, then imported in one transaction or not at all; the row-by-row report. With `Accept: application/x-ndjson` the answer streams progress lines ({type: \"progress\", phase: \"check\"|\"import\", done, total}) and ends with {type: \"report\", …}", tags: ["registration"],
    access: ["registrations.manage", "registrations.unit"], scope: "province and ministry officers: their own unit's portal categories", rawBody: true, bodyLimit: MAX_IMPORT_BYTES + 64 * 1024,
    responses: { 200: { description: "Report: rows, valid, imported, errors [{ row, field, message }], fileError?" }, 413: problem, 422: problem },
  }),
  importTemplate: defineEndpoint({
    id: "importTemplate", method: "GET", path: "/api/v1/registrations/import/template", summary: "The import template (CSV or XLSX) with the category's questions as columns", tags: ["registration"],
    access: ["registrations.manage", "registrations.unit"], query: z.object({ format: z.enum(["csv", "xlsx"]).default("xlsx"), category: z.string().max(40).optional() }).strict(),
    responses: { 200: { description: "Template file" } },
  }),
  printBadges: defineEndpoint({
    id: "printBadges", method: "POST", path: "/api/v1/badges/print", summary: "Batch badge printing: the confirmed delegates matching `filter` (and `ids`) drawn into one PDF by a background job — A6 pages or four A6 per A4 with cut marks; follow it at GET /api/v1/jobs/{id} (audited)", tags: ["badges"],
    access: ["registrations.read", "registrations.unit"], scope: "province and ministry officers: their own unit's delegates only, whatever the filter says", body: printBadgesInput,
    responses: { 202: { description: "Queued", schema: z.object({ jobId: z.number().int(), count: z.number().int() }) }, 409: problem, 422: problem },
  }),
  getJob: defineEndpoint({
    id: "getJob", method: "GET", path: "/api/v1/jobs/{id}", summary: "A background job's status and progress (0–100), with `downloadUrl` once its file is ready: its creator's own jobs, any job for jobs.read", tags: ["jobs"],
    access: "account.self", scope: "the job's creator; organisers and admins (jobs.read) any job; others get 404", params: jobIdParams,
    responses: { 200: { description: "Job", schema: jobView }, 404: problem },
  }),
  downloadJobFile: defineEndpoint({
    id: "downloadJobFile", method: "GET", path: "/api/v1/jobs/{id}/download", summary: "The file a job made (the badge PDF), as an attachment", tags: ["jobs"],
    access: "account.self", scope: "the job's creator; organisers and admins (jobs.read) any job; others get 404", params: jobIdParams,
    responses: { 200: { description: "application/pdf" }, 404: problem, 409: problem },
  }),
  bulkRegistrations: defineEndpoint({
    id: "bulkRegistrations", method: "POST", path: "/api/v1/registrations/bulk", summary: "One action on many registrations: approve, reject (reason), cancel, move (categoryCode), door_note, protocol_rank; a result per registration", tags: ["registration"],
    access: "registrations.manage", body: bulkInput,
    responses: { 200: { description: "Results", schema: z.object({ done: z.number().int(), failed: z.number().int(), results: z.array(z.object({ id: z.number().int(), ok: z.boolean(), code: z.string().optional(), message: z.string().optional() })) }) }, 422: problem },
  }),
} satisfies Record<string, EndpointDef>;

export const ENDPOINT_LIST: EndpointDef[] = Object.values(ENDPOINTS);
