import type { Messages } from "@/lib/i18n";
import type { Role } from "@/lib/generated/prisma/enums";
import { can, type Permission } from "@/lib/server/permissions";

/** The sidebar's sections (admins see them as headed groups; the items without one come first). */
export const NAV_GROUPS = ["people", "clinical", "inpatient", "pharmacy", "finance", "system"] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

type NavItem = { href: string; label: string; permission: Permission; group?: NavGroup };

const ITEMS = (all: Messages): NavItem[] => {
  const m = all.nav;
  const s = all.staff.nav;
  const sc = all.scheduling.nav;
  const ph = all.pharmacy.nav;
  return [
    { href: "/dashboard", label: m.dashboard, permission: "dashboard.view" },
    { href: "/notifications", label: all.triage.notifications.title, permission: "notification.read" },
    { href: "/patients", label: m.patients, permission: "patient.list", group: "people" },
    { href: "/patients/duplicates", label: all.duplicates.nav, permission: "patient.duplicates", group: "people" },
    { href: "/me/profile", label: m.profile, permission: "patient.self" },
    { href: "/me/health", label: all.clinical.nav.health, permission: "patient.self" },
    { href: "/admin/audit", label: m.audit, permission: "audit.read", group: "system" },
    { href: "/admin/data", label: all.databrowser.nav.data, permission: "data.browse", group: "system" },
    { href: "/appointments", label: sc.appointments, permission: "appointment.read", group: "clinical" },
    { href: "/availability", label: sc.availability, permission: "availability.own", group: "clinical" },
    { href: "/consultations", label: all.clinical.nav.consultations, permission: "clinical.write", group: "clinical" },
    { href: "/lab", label: all.clinical.nav.lab, permission: "lab.result", group: "clinical" },
    {
      href: "/prescriptions",
      label: all.prescriptions.nav.prescriptions,
      permission: "prescription.read",
      group: "clinical",
    },
    { href: "/beds", label: all.wards.nav.beds, permission: "ward.read", group: "inpatient" },
    { href: "/doctors", label: s.doctors, permission: "doctor.search", group: "people" },
    { href: "/admin/staff", label: s.staff, permission: "staff.manage", group: "people" },
    { href: "/admin/departments", label: s.departments, permission: "department.manage", group: "people" },
    { href: "/admin/wards", label: all.wards.nav.wards, permission: "ward.manage", group: "inpatient" },
    { href: "/admin/outbox", label: s.outbox, permission: "outbox.read", group: "system" },
    { href: "/admin/jobs", label: all.jobs.nav.jobs, permission: "jobs.read", group: "system" },
    { href: "/admin/system", label: all.system.nav.system, permission: "system.read", group: "system" },
    { href: "/admin/tokens", label: all.tokens.nav.tokens, permission: "token.manage", group: "system" },
    { href: "/api-docs", label: all.tokens.nav.apiDocs, permission: "token.manage", group: "system" },
    { href: "/exports", label: all.jobs.nav.exports, permission: "export.request", group: "system" },
    { href: "/billing", label: all.billing.nav.billing, permission: "billing.read", group: "finance" },
    { href: "/reports", label: all.reports.nav.reports, permission: "report.read", group: "finance" },
    { href: "/public-health", label: all.reports.nav.publicHealth, permission: "publichealth.read", group: "clinical" },
    { href: "/pharmacy", label: ph.pharmacy, permission: "pharmacy.stock", group: "pharmacy" },
    { href: "/pharmacy/drugs", label: ph.drugs, permission: "pharmacy.stock", group: "pharmacy" },
  ];
};

/** The navigation a role sees: only what the permission table lets it open. */
export function navFor(role: Role, all: Messages): NavItem[] {
  return ITEMS(all).filter((i) => can(role, i.permission));
}

/** A long menu (more items than this) is shown in headed groups; a short one stays a flat list. */
export const GROUP_ABOVE = 12;

export type NavSection = { group: NavGroup | null; label: string | null; items: { href: string; label: string }[] };

/**
 * The menu as the sidebar shows it: ungrouped items first, then each group in NAV_GROUPS order.
 * A role with a short menu gets one flat section.
 */
export function navSectionsFor(role: Role, all: Messages): NavSection[] {
  const items = navFor(role, all);
  const plain = (list: NavItem[]) => list.map(({ href, label }) => ({ href, label }));
  if (items.length <= GROUP_ABOVE) return [{ group: null, label: null, items: plain(items) }];
  const sections: NavSection[] = [{ group: null, label: null, items: plain(items.filter((i) => !i.group)) }];
  for (const group of NAV_GROUPS) {
    const inGroup = items.filter((i) => i.group === group);
    if (inGroup.length) sections.push({ group, label: all.nav.groups[group], items: plain(inGroup) });
  }
  return sections.filter((s) => s.items.length);
}
