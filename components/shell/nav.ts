import { messages } from "@/lib/i18n";
import type { Role } from "@/lib/generated/prisma/enums";
import { can, type Permission } from "@/lib/server/permissions";

type NavItem = { href: string; label: string; permission: Permission };

const ITEMS = (): NavItem[] => {
  const m = messages().nav;
  return [
    { href: "/dashboard", label: m.dashboard, permission: "dashboard.view" },
    { href: "/patients", label: m.patients, permission: "patient.list" },
  ];
};

/** The navigation a role sees: only what the permission table lets it open. */
export function navFor(role: Role): NavItem[] {
  return ITEMS().filter((i) => can(role, i.permission));
}
