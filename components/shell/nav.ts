import type { Messages } from "@/lib/i18n";
import type { Role } from "@/lib/generated/prisma/enums";
import { can, type Permission } from "@/lib/server/permissions";

type NavItem = { href: string; label: string; permission: Permission };

const ITEMS = (all: Messages): NavItem[] => {
  const m = all.nav;
  const s = all.staff.nav;
  const sc = all.scheduling.nav;
  const ph = all.pharmacy.nav;
  return [
    { href: "/dashboard", label: m.dashboard, permission: "dashboard.view" },
    { href: "/notifications", label: all.triage.notifications.title, permission: "notification.read" },
    { href: "/patients", label: m.patients, permission: "patient.list" },
    { href: "/me/profile", label: m.profile, permission: "patient.self" },
    { href: "/me/health", label: all.clinical.nav.health, permission: "patient.self" },
    { href: "/admin/audit", label: m.audit, permission: "audit.read" },
    { href: "/admin/data", label: all.databrowser.nav.data, permission: "data.browse" },
    { href: "/appointments", label: sc.appointments, permission: "appointment.read" },
    { href: "/availability", label: sc.availability, permission: "availability.own" },
    { href: "/consultations", label: all.clinical.nav.consultations, permission: "clinical.write" },
    { href: "/lab", label: all.clinical.nav.lab, permission: "lab.result" },
    { href: "/prescriptions", label: all.prescriptions.nav.prescriptions, permission: "prescription.read" },
    { href: "/beds", label: all.wards.nav.beds, permission: "ward.read" },
    { href: "/doctors", label: s.doctors, permission: "doctor.search" },
    { href: "/admin/staff", label: s.staff, permission: "staff.manage" },
    { href: "/admin/departments", label: s.departments, permission: "department.manage" },
    { href: "/admin/wards", label: all.wards.nav.wards, permission: "ward.manage" },
    { href: "/admin/outbox", label: s.outbox, permission: "outbox.read" },
    { href: "/admin/jobs", label: all.jobs.nav.jobs, permission: "jobs.read" },
    { href: "/admin/tokens", label: all.tokens.nav.tokens, permission: "token.manage" },
    { href: "/api-docs", label: all.tokens.nav.apiDocs, permission: "token.manage" },
    { href: "/exports", label: all.jobs.nav.exports, permission: "export.request" },
    { href: "/billing", label: all.billing.nav.billing, permission: "billing.read" },
    { href: "/reports", label: all.reports.nav.reports, permission: "report.read" },
    { href: "/public-health", label: all.reports.nav.publicHealth, permission: "publichealth.read" },
    { href: "/pharmacy", label: ph.pharmacy, permission: "pharmacy.stock" },
    { href: "/pharmacy/drugs", label: ph.drugs, permission: "pharmacy.stock" },
  ];
};

/** The navigation a role sees: only what the permission table lets it open. */
export function navFor(role: Role, all: Messages): NavItem[] {
  return ITEMS(all).filter((i) => can(role, i.permission));
}
