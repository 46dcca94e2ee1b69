import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = [
  "ADMIN",
  "DOCTOR",
  "NURSE",
  "PHARMACIST",
  "RECORDS_OFFICER",
  "PATIENT",
] as const satisfies readonly Role[];
export type { Role };

const STAFF = ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST", "RECORDS_OFFICER"] as const;
const CLINICIANS = ["DOCTOR", "NURSE"] as const;
const EVERYONE = ROLES;

/**
 * The permission table: the only place that says which role may do what. It is read by exactly two
 * doors: the server-action wrapper (lib/server/action.ts) and the page/route guard (lib/server/guard.ts).
 * Row-level scope (own record, own appointments) is applied by each domain's queries on top of this.
 */
export const PERMISSIONS = {
  "dashboard.view": { roles: EVERYONE, description: "See one's own dashboard" },
  "account.changePassword": { roles: EVERYONE, description: "Change one's own password" },
  "account.language": { roles: EVERYONE, description: "Read one's own account and choose its language" },
  "account.confirmEmail": {
    roles: ["PATIENT"],
    description: "Ask again for the link that confirms one's email address (self-registered patients)",
  },
  "notification.read": { roles: EVERYONE, description: "Read one's own notifications" },

  "patient.list": {
    roles: [...STAFF],
    description: "Search and list patients (demographics only; the diagnosis filter also needs clinical.read)",
  },
  "patient.register": {
    roles: ["ADMIN", "RECORDS_OFFICER", ...CLINICIANS],
    description: "Register a patient and edit identity and contact details",
  },
  "patient.duplicates": {
    roles: ["ADMIN", "RECORDS_OFFICER"],
    description:
      "Review possible duplicate records (dismiss a pair, open its merge) and link self-registered accounts to their records",
  },
  "patient.deactivate": {
    roles: ["ADMIN", "RECORDS_OFFICER"],
    description: "Deactivate a patient record (history is kept)",
  },
  "patient.read": {
    roles: EVERYONE,
    description:
      "Read one patient's record (patients: only their own; records officers and pharmacists: demographics and allergies)",
  },
  "patient.chart.read": { roles: ["ADMIN", ...CLINICIANS], description: "Read a patient's full chart (audited)" },
  "patient.merge": {
    roles: ["ADMIN", "RECORDS_OFFICER"],
    description:
      "Merge a duplicate patient record into the record that stays (everything recorded moves; the duplicate's MRN stays an alias)",
  },
  "patient.merge.undo": {
    roles: ["ADMIN"],
    description: "Undo a patient merge within 30 days while nothing new was recorded on either record",
  },
  "patient.self": { roles: ["PATIENT"], description: "Read one's own record and edit one's own contact details" },

  "availability.manage": {
    roles: ["ADMIN", "DOCTOR"],
    description: "Set a doctor's working hours (doctors: their own)",
  },
  "availability.own": {
    roles: ["DOCTOR"],
    description: "Open one's own availability editor (admins edit doctors' hours from the staff pages)",
  },
  "appointment.book": {
    roles: ["ADMIN", "RECORDS_OFFICER", ...CLINICIANS, "PATIENT"],
    description: "Book, reschedule and cancel appointments (patients: their own)",
  },
  "appointment.read": {
    roles: ["ADMIN", "RECORDS_OFFICER", ...CLINICIANS, "PATIENT"],
    description: "See appointments (patients and doctors: their own)",
  },

  "clinical.write": { roles: ["DOCTOR"], description: "Write and sign consultations, diagnoses and lab orders" },
  "clinical.read": {
    roles: ["ADMIN", ...CLINICIANS, "PATIENT"],
    description:
      "Read consultations, vitals, nurse notes and labs, a record's clinical fields (blood group, history, conditions; with patient.register, change them) and admission reasons and summaries (patients: their own, consultations once signed)",
  },
  "clinical.addendum": {
    roles: [...CLINICIANS],
    description:
      "Add an addendum to a clinical record (consultations: doctors; vitals and nurse notes: doctors and nurses)",
  },
  "vitals.write": { roles: [...CLINICIANS], description: "Record vitals and nurse notes" },
  "lab.result": {
    roles: [...CLINICIANS],
    description: "Enter lab results and correct them by an amended result (the original is kept)",
  },
  "lab.review": {
    roles: ["DOCTOR"],
    description: "See abnormal results of one's own orders awaiting review and mark results reviewed",
  },
  "prescription.write": { roles: ["DOCTOR"], description: "Prescribe and revoke prescriptions" },
  "prescription.read": {
    roles: ["ADMIN", ...CLINICIANS, "PHARMACIST", "PATIENT"],
    description: "Read prescriptions (patients: their own)",
  },
  "drug.read": { roles: ["ADMIN", ...CLINICIANS, "PHARMACIST"], description: "Browse the drug catalogue" },
  "pharmacy.dispense": { roles: ["PHARMACIST"], description: "Dispense prescriptions from stock" },
  "pharmacy.stock": { roles: ["ADMIN", "PHARMACIST"], description: "Manage the drug catalogue and stock" },

  "document.read": {
    roles: ["ADMIN", "RECORDS_OFFICER", ...CLINICIANS, "PATIENT"],
    description:
      "List and open the documents on a chart (every view audited; patients: only their own that staff shared with them)",
  },
  "document.upload": {
    roles: ["RECORDS_OFFICER", ...CLINICIANS],
    description:
      "Attach a document (PDF, JPEG, PNG) to a patient's chart, optionally to one of their consultations or admissions",
  },

  "admission.manage": {
    roles: ["ADMIN", "RECORDS_OFFICER", ...CLINICIANS],
    description: "Admit, transfer and discharge patients",
  },
  "ward.read": {
    roles: ["ADMIN", "RECORDS_OFFICER", ...CLINICIANS],
    description: "See the bed board, wards, rooms and beds with their occupancy",
  },
  "ward.manage": { roles: ["ADMIN"], description: "Create and edit wards, rooms and beds" },
  "bed.state": { roles: ["ADMIN", "NURSE"], description: "Mark a bed cleaned (free) or out of service" },
  "triage.run": {
    roles: ["ADMIN", "RECORDS_OFFICER", ...CLINICIANS],
    description: "Ask for a department recommendation from a patient's problem",
  },
  "export.request": {
    roles: EVERYONE,
    description: "Export a treatment history as CSV (patients: their own) and download one's own exports",
  },
  "jobs.read": { roles: ["ADMIN"], description: "See background jobs, failed ones included, and run one now" },
  "billing.manage": { roles: ["ADMIN", "RECORDS_OFFICER"], description: "Invoices, payments and refunds" },
  "billing.read": {
    roles: ["ADMIN", "RECORDS_OFFICER", "PATIENT"],
    description: "Read invoices, payments and receipts (patients: their own)",
  },
  "report.read": { roles: ["ADMIN"], description: "Revenue and analytics reports, exportable as CSV" },
  "report.build": {
    roles: ["ADMIN"],
    description: "Build ad-hoc reports from allow-listed fields (read-only, audited), exportable as CSV",
  },
  "publichealth.read": {
    roles: ["ADMIN"],
    description: "Anonymised public-health aggregates (also through a public-health API token)",
  },
  "token.manage": { roles: ["ADMIN"], description: "Create, list and revoke API tokens for integrations" },

  "doctor.search": { roles: EVERYONE, description: "Find a doctor by name, specialty or department" },
  "department.read": { roles: EVERYONE, description: "Browse the hospital's active departments" },

  "staff.manage": { roles: ["ADMIN"], description: "Create, edit and deactivate staff accounts" },
  "department.manage": { roles: ["ADMIN"], description: "Create and edit departments" },
  "lab.catalogue": {
    roles: ["ADMIN"],
    description: "Edit the lab catalogue: test names, specimens, units, reference ranges and prices",
  },
  "outbox.read": { roles: ["ADMIN"], description: "Read the emails the hospital sent or holds unsent" },
  "audit.read": { roles: ["ADMIN"], description: "Read the audit trail" },
  "data.browse": {
    roles: ["ADMIN"],
    description:
      "Open the data browser: every entity listed, filtered and shown with its audit history (each entity also needs its own read permission; edits go through the entity's own permission and service)",
  },
  "stats.read": { roles: ["ADMIN"], description: "Hospital-wide counts and reports" },
  "backup.run": {
    roles: ["ADMIN"],
    description:
      "Make a backup of the whole database (console; the worker's schedule acts as the system) and see the backup status",
  },
  "system.read": {
    roles: ["ADMIN"],
    description:
      "See the System page: version, migration level, database size, job queues, email backlog, address and HTTPS checks, active sessions",
  },
  "metrics.read": {
    roles: ["ADMIN"],
    description: 'Read the Prometheus metrics (/api/v1/metrics; also through a "metrics" API token)',
  },
} as const satisfies Record<string, { roles: readonly Role[]; description: string }>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}
