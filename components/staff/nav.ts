import type { Permission } from "@/lib/auth/permissions";

export type NavKey = "admin" | "portal" | "registrations" | "invitations" | "delegations" | "categories" | "outbox" | "users" | "audit" | "account";
export type NavItem = { key: NavKey; href: string };

/**
 * The sections of the signed-in area a user may open, decided by permission. Only pages that exist
 * are listed; later features add their entry here with their permission.
 */
export function navItems(permissions: ReadonlySet<Permission>): NavItem[] {
  const items: NavItem[] = [];
  if (permissions.has("users.read") || permissions.has("audit.read")) items.push({ key: "admin", href: "/admin" });
  // Province and ministry officers: their delegation's portal first (organisers open a unit's portal from /portal?unit=…).
  const officer = permissions.has("registrations.unit") && !permissions.has("registrations.manage");
  if (officer) items.push({ key: "portal", href: "/portal" });
  if (permissions.has("registrations.read") || permissions.has("registrations.unit")) items.push({ key: "registrations", href: "/admin/registrations" });
  if (permissions.has("registrations.manage")) items.push({ key: "invitations", href: "/admin/invitations" }, { key: "delegations", href: "/admin/delegations" });
  if (permissions.has("categories.manage")) items.push({ key: "categories", href: "/admin/categories" });
  if (permissions.has("outbox.read")) items.push({ key: "outbox", href: "/admin/outbox" });
  if (permissions.has("users.read")) items.push({ key: "users", href: "/admin/users" });
  if (permissions.has("audit.read")) items.push({ key: "audit", href: "/admin/audit" });
  items.push({ key: "account", href: "/account" });
  return items;
}

/** Where a user lands after signing in without a callback: the console for organisers, the portal for unit officers, else their account. */
export function homePath(permissions: ReadonlySet<Permission>): string {
  if (permissions.has("users.read") || permissions.has("audit.read")) return "/admin";
  // Door staff and their supervisors go straight to the scanner.
  if (permissions.has("checkin.scan")) return "/checkin";
  // Province and ministry officers land on their delegation.
  if (permissions.has("registrations.unit") && !permissions.has("registrations.manage")) return "/portal";
  return "/account";
}
