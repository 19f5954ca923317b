import { ROLES, type Role } from "@/db/schema/auth";

export { ROLES, type Role };

/**
 * Every permission in the system, mapped to roles in one place. "Staff" in the issues means any
 * signed-in role whose permissions include the action; unit-scoped roles (province_officer,
 * ministry_officer) are further limited to their unit by the domain functions.
 */
export const PERMISSIONS = [
  "account.self", // own profile, password, API tokens
  "users.read",
  "users.manage",
  "audit.read",
  "jobs.read",
  "outbox.read",
  "event.manage",
  "categories.manage",
  "registrations.read",
  "registrations.manage",
  "registrations.unit", // own unit's delegation (portal)
  "badges.reissue",
  "checkin.scan",
  "checkin.supervise",
  "checkin.dashboard",
  "booths.read",
  "booths.assign",
  "booths.request", // own unit's booth requests
  "nominations.submit", // own unit's dossiers
  "nominations.review",
  "nominations.appraise",
  "ceremony.run",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Permission[] = PERMISSIONS;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ALL,
  organiser: [
    "account.self", "users.read", "audit.read", "jobs.read", "outbox.read", "event.manage", "categories.manage",
    "registrations.read", "registrations.manage", "badges.reissue", "checkin.dashboard", "booths.read", "booths.assign",
    "nominations.review", "ceremony.run",
  ],
  booth_manager: ["account.self", "booths.read", "booths.assign", "registrations.read"],
  checkin_staff: ["account.self", "checkin.scan"],
  checkin_supervisor: ["account.self", "checkin.scan", "checkin.supervise", "checkin.dashboard", "badges.reissue", "registrations.read"],
  province_officer: ["account.self", "registrations.unit", "booths.request", "nominations.submit"],
  ministry_officer: ["account.self", "registrations.unit", "booths.request", "nominations.submit"],
  mard_reviewer: ["account.self", "nominations.review", "registrations.read"],
  emulation_board: ["account.self", "nominations.appraise"],
  stage_manager: ["account.self", "ceremony.run"],
};

/** Roles limited to one unit, and which unit. */
export const UNIT_ROLES: Partial<Record<Role, "province" | "ministry">> = { province_officer: "province", ministry_officer: "ministry" };

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
