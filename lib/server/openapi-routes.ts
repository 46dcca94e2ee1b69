import type { z } from "zod";
import { ZLanguage } from "@/lib/accounts/language";
import { ZConfirmEmail } from "@/lib/accounts/registration-schemas";
import { ZChangePassword, ZTokenRequest } from "@/lib/accounts/schemas";
import { ZCreateInvoice, ZLines, ZPayment, ZRefund, ZVoid } from "@/lib/billing/schemas";
import { ZAddendum, ZConsultationCreate, ZConsultationUpdate, ZLabOrder, ZLabResult, ZLabTestUpdate, ZNurseNote, ZVitals } from "@/lib/clinical/schemas";
import { ZDepartmentCreate, ZDepartmentUpdate } from "@/lib/departments/schemas";
import { ZExportRequest } from "@/lib/jobs/schemas";
import { ZReportSpec } from "@/lib/reportbuilder/spec";
import { ZDeactivatePatient, ZRegisterPatient, ZSelfRegister, ZUpdatePatient } from "@/lib/patients/schemas";
import { DRUG_FILTER_KEYS, ZDrugCreate, ZDrugUpdate } from "@/lib/pharmacy/schemas";
import { PRESCRIPTION_FILTER_KEYS, ZPrescribe, ZRevoke } from "@/lib/prescriptions/schemas";
import { APPOINTMENT_FILTER_KEYS, ZAppointmentChange, ZAvailability, ZBook } from "@/lib/scheduling/schemas";
import { ZDeactivate, ZStaffCreate, ZStaffUpdate } from "@/lib/staff/schemas";
import { ZTokenCreate } from "@/lib/tokens/schemas";
import { ZMarkRead, ZTriageRun } from "@/lib/triage/schemas";
import { ADMISSION_FILTER_KEYS, ZAdmit, ZBed, ZBedPatch, ZDischarge, ZRoom, ZRoomPatch, ZTransfer, ZWard, ZWardPatch } from "@/lib/wards/schemas";
import type { Permission } from "./permissions";

export type Operation = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Under /api/v1, with {param} placeholders. */
  path: string;
  tag: string;
  summary: string;
  /** null: public. */
  permission: Permission | null;
  /** The schema the route passes to readJson. */
  body?: z.ZodType;
  query?: readonly string[];
  /** Answers the list envelope { items, total, page, pageSize }. */
  list?: boolean;
  /** Token scopes (besides "full") that may call it. */
  scopes?: readonly string[];
  /** Success status when not 200. */
  status?: number;
  /** Honours an Idempotency-Key header (the route's apiRoute has `idempotent: true`). */
  idempotent?: boolean;
};

// Every route under app/api/v1, one line per method; openapi.test.ts fails when one is missing.
export const OPERATIONS: Operation[] = [
  { method: "POST", path: "/admissions/{id}/discharge", idempotent: true, tag: "admissions", summary: "`{ summary }`: ends the admission; the bed goes to CLEANING and the attending doctor is told.", permission: "admission.manage", body: ZDischarge },
  { method: "GET", path: "/admissions/{id}", tag: "admissions", summary: "One admission with its bed history (audited read).", permission: "admission.manage" },
  { method: "POST", path: "/admissions/{id}/transfer", idempotent: true, tag: "admissions", summary: "`{ bedId }`: the old bed goes to CLEANING in the same transaction; a discharged admission → 409 INVALID_TRANSITION.", permission: "admission.manage", body: ZTransfer },
  { method: "GET", path: "/admissions", tag: "admissions", summary: "`?status=live|discharged&wardId=&doctorId=&patientId=&page=&pageSize=`, newest first. `reason` and `dischargeSummary` are left out for roles without clinical access (records officers).", permission: "admission.manage", query: ["q", "page", "pageSize", "sort", ...ADMISSION_FILTER_KEYS], list: true },
  { method: "POST", path: "/admissions", idempotent: true, tag: "admissions", summary: "`{ patientId, bedId, attendingDoctorId, departmentId?, reason, plannedStayDays?, triageId? }`; `409 BED_OCCUPIED` whatever the concurrency.", permission: "admission.manage", body: ZAdmit, status: 201 },
  { method: "GET", path: "/appointments/{id}", tag: "appointments", summary: "One appointment by id.", permission: "appointment.read" },
  { method: "PATCH", path: "/appointments/{id}", tag: "appointments", summary: "`{ startsAt }` reschedules; `{ status, reason? }` moves the lifecycle (illegal moves: 409 INVALID_TRANSITION).", permission: "appointment.book", body: ZAppointmentChange },
  { method: "GET", path: "/appointments", tag: "appointments", summary: "`?status=&doctorId=&patientId=&departmentId=&from=&to=&sort=startsAt|-startsAt`, scoped to the caller.", permission: "appointment.read", query: ["q", "page", "pageSize", "sort", ...APPOINTMENT_FILTER_KEYS], list: true },
  { method: "POST", path: "/appointments", idempotent: true, tag: "appointments", summary: "Books a slot; `409 SLOT_TAKEN` when the doctor or the patient is already booked then.", permission: "appointment.book", body: ZBook, status: 201 },
  { method: "GET", path: "/audit", tag: "audit", summary: "The audit.", permission: "audit.read", query: ["q","page","pageSize","sort"], list: true },
  { method: "GET", path: "/admin/data/{entity}", tag: "admin", summary: "The data browser's list of one entity (`users`, `departments`, `patients`, `drugs`, `wards`, … as on /admin/data), its list columns only, references as `{ entity, id, label }` links; `?q=` searches its indexed text columns, its filters by column name (`?active=true`, `?patientId=`). Also needs the entity's own read permission. Read-only: edits use each entity's own route.", permission: "data.browse", query: ["q","page","pageSize","sort"], list: true },
  { method: "GET", path: "/admin/data/{entity}/{id}", tag: "admin", summary: "One record with every browsable field (never a password or token hash) and its audit history, newest first, with actor names (`?page=&pageSize=` page the history). Chart records: the read is audited.", permission: "data.browse", query: ["page","pageSize"] },
  { method: "GET", path: "/account", tag: "auth", summary: "The caller's own account: id, name, email, role and language.", permission: "account.language" },
  { method: "PATCH", path: "/account", tag: "auth", summary: "`{ language: \"en\" | \"fr\" }`: the language of the caller's pages, emails, PDFs and error messages.", permission: "account.language", body: ZLanguage },
  { method: "POST", path: "/account/confirmation-email", tag: "auth", summary: "Sends the caller's unconfirmed address a new confirmation link (at most 3 an hour, then 429).", permission: "account.confirmEmail", status: 202 },
  { method: "PUT", path: "/account/password", tag: "auth", summary: "`{ currentPassword, newPassword, confirmPassword }`: changes the caller's password (common and guessable passwords refused on `newPassword`); every session and token of the caller ends, this one too.", permission: "account.changePassword", body: ZChangePassword },
  { method: "POST", path: "/auth/confirm-email", tag: "auth", summary: "`{ token }` from the confirmation email: the self-registered account may then book and read its record (until then its calls get 403 EMAIL_UNCONFIRMED). Invalid, used or expired → 404.", permission: null, body: ZConfirmEmail },
  { method: "POST", path: "/auth/register", tag: "auth", summary: "A patient's self-registration: the same rules as the /register page. → 202 `{ status, message }`, the same for a new and a known address (the worker emails a confirmation link, or tells the known address's owner); common and guessable passwords refused on `password`; too many from one address → 429.", permission: null, body: ZSelfRegister, status: 202 },
  { method: "POST", path: "/auth/token", tag: "auth", summary: "`{ email, password }` → `{ token, expiresAt, user }`: a short-lived sign-in token; wrong email or password → 401, repeated failures → 429.", permission: null, body: ZTokenRequest },
  { method: "PATCH", path: "/beds/{id}", tag: "beds", summary: "`{ state: FREE | OUT_OF_SERVICE }` (nurses and admins: mark clean, out of service, back in service; an occupied bed → 409 INVALID_TRANSITION); `{ label?, active? }` admins only (beds are never deleted).", permission: "bed.state", body: ZBedPatch },
  { method: "GET", path: "/beds", tag: "beds", summary: "`?wardId=&roomId=&state=&q=&page=&pageSize=`: one page of beds by ward, room and label (`q`: label, room or ward name contains, case-insensitive) with their state; besides the list envelope, `occupancy` counts every matching active bed (all pages).", permission: "ward.read", query: ["q","page","pageSize","wardId","roomId","state"], list: true },
  { method: "POST", path: "/beds", idempotent: true, tag: "beds", summary: "`{ roomId, label }`.", permission: "ward.manage", body: ZBed, status: 201 },
  { method: "POST", path: "/consultations/{id}/addenda", idempotent: true, tag: "consultations", summary: "`{ text }` on a signed consultation (doctors).", permission: "clinical.addendum", body: ZAddendum, status: 201 },
  { method: "GET", path: "/consultations/{id}", tag: "consultations", summary: "One consultation by id.", permission: "clinical.read" },
  { method: "PATCH", path: "/consultations/{id}", tag: "consultations", summary: "Replaces the notes and diagnoses (author only; `423 RECORD_LOCKED` once the edit window has closed).", permission: "clinical.write", body: ZConsultationUpdate },
  { method: "POST", path: "/consultations/{id}/sign", tag: "consultations", summary: "The author signs; edits stay open to them until `lockedAt`.", permission: "clinical.write" },
  { method: "GET", path: "/consultations", tag: "consultations", summary: "`?patientId=` one patient's consultations (audited); without it a doctor's own. Patients: their own signed ones.", permission: "clinical.read", query: ["q","page","pageSize","sort","patientId"], list: true },
  { method: "POST", path: "/consultations", idempotent: true, tag: "consultations", summary: "`{ appointmentId } | { patientId }` with the notes and diagnoses; `409 DUPLICATE` for a second one per appointment.", permission: "clinical.write", body: ZConsultationCreate, status: 201 },
  { method: "GET", path: "/departments/{id}", tag: "departments", summary: "One department by id.", permission: "department.read" },
  { method: "PATCH", path: "/departments/{id}", tag: "departments", summary: "`{ name?, description?, active? }`; `active: false` deactivates.", permission: "department.manage", body: ZDepartmentUpdate },
  { method: "GET", path: "/departments", tag: "departments", summary: "Every signed-in user browses active departments; admins also see deactivated ones.", permission: "department.read", query: ["q","page","pageSize","sort"], list: true },
  { method: "POST", path: "/departments", idempotent: true, tag: "departments", summary: "Creates a department.", permission: "department.manage", body: ZDepartmentCreate, status: 201 },
  { method: "GET", path: "/doctors/{id}/availability", tag: "doctors", summary: "The availability.", permission: "doctor.search" },
  { method: "PUT", path: "/doctors/{id}/availability", tag: "doctors", summary: "Replaces the doctor's weekly hours, slot length and exceptions (doctors: their own only).", permission: "availability.manage", body: ZAvailability },
  { method: "GET", path: "/doctors/{id}/slots", tag: "doctors", summary: "`?date=YYYY-MM-DD` (default today): the doctor's slots that day, each free or taken.", permission: "doctor.search", query: ["date"] },
  { method: "GET", path: "/doctors", tag: "doctors", summary: "`?q=&specialty=&departmentId=&availableOn=YYYY-MM-DD`: active doctors, for every signed-in user.", permission: "doctor.search", query: ["q","page","pageSize","sort","specialty","departmentId","availableOn"], list: true },
  { method: "GET", path: "/drugs/{id}", tag: "drugs", summary: "The drug with its units on hand (batches: GET /drugs/{id}/stock).", permission: "drug.read" },
  { method: "PATCH", path: "/drugs/{id}", tag: "drugs", summary: "Edits any field; `{ active: false }` withdraws the drug (drugs are never deleted).", permission: "pharmacy.stock", body: ZDrugUpdate },
  { method: "GET", path: "/drugs/{id}/stock", tag: "drugs", summary: "`{ onHand, reorderLevel, lowStock, batches: [{ id, lot, expiresOn, quantity, receivedAt, expired }] }`.", permission: "drug.read" },
  { method: "POST", path: "/drugs/{id}/stock", idempotent: true, tag: "drugs", summary: "`{ lot, expiresOn, quantity }` receives a batch (201); `{ batchId, delta, reason }` adjusts one (200). A batch never goes below zero (400 VALIDATION_FAILED on `delta`).", permission: "pharmacy.stock", status: 201 },
  { method: "GET", path: "/drugs", tag: "drugs", summary: "`?q=&drugClass=&lowStock=true&active=true|false&page=&pageSize=`: the catalogue with units on hand.", permission: "drug.read", query: ["q", "page", "pageSize", "sort", ...DRUG_FILTER_KEYS], list: true },
  { method: "POST", path: "/drugs", idempotent: true, tag: "drugs", summary: "Adds a drug; the same generic name, form and strength twice → 409 DUPLICATE.", permission: "pharmacy.stock", body: ZDrugCreate, status: 201 },
  { method: "GET", path: "/exports/{id}/download", tag: "exports", summary: "The finished CSV as an attachment, for its requester only (anyone else, or not finished: 404).", permission: "export.request" },
  { method: "GET", path: "/exports/{id}", tag: "exports", summary: "`{ status, progress, downloadUrl? }`, for the export's requester only (anyone else: 404).", permission: "export.request" },
  { method: "GET", path: "/exports", tag: "exports", summary: "The caller's own exports, newest first.", permission: "export.request" },
  { method: "POST", path: "/exports", idempotent: true, tag: "exports", summary: "`{ kind: \"treatment-history\", patientId? }` → 202 `{ id }`; the worker builds it (poll GET /exports/{id}).", permission: "export.request", body: ZExportRequest, status: 202 },
  { method: "GET", path: "/icd10", tag: "icd10", summary: "`?q=` code prefix or words → `{ items: [{ code, description }] }` (at most 20), for the diagnosis picker.", permission: "clinical.read", query: ["q"] },
  { method: "POST", path: "/invoices/{id}/lines", idempotent: true, tag: "invoices", summary: "`{ lines: [{ description, quantity, unitAmount }] }`: staff lines (kind OTHER) on an open invoice.", permission: "billing.manage", body: ZLines },
  { method: "GET", path: "/invoices/{id}/pdf", tag: "invoices", summary: "The printable invoice.", permission: "billing.read" },
  { method: "GET", path: "/invoices/{id}", tag: "invoices", summary: "One invoice with its lines, payments and refunds, total, paid and balance.", permission: "billing.read" },
  { method: "POST", path: "/invoices/{id}/void", tag: "invoices", summary: "`{ reason }`: voids an invoice without payments (`409 INVALID_TRANSITION` otherwise).", permission: "billing.manage", body: ZVoid },
  { method: "GET", path: "/invoices", tag: "invoices", summary: "`?q=&status=open|paid|void&patientId=&page=&pageSize=`, newest first, with derived total, paid and balance.", permission: "billing.read", query: ["q","page","pageSize","sort","status","patientId"], list: true },
  { method: "POST", path: "/invoices", idempotent: true, tag: "invoices", summary: "`{ appointmentId } | { admissionId } | { patientId, lines }`; `409 DUPLICATE` when already invoiced.", permission: "billing.manage", body: ZCreateInvoice, status: 201 },
  { method: "GET", path: "/lab-orders/{id}/results", tag: "lab-orders", summary: "The order with its result, if any (audited; patients: their own).", permission: "clinical.read" },
  { method: "POST", path: "/lab-orders/{id}/results", idempotent: true, tag: "lab-orders", summary: "`{ value | valueText, unit?, refLow?, refHigh?, flag? }`: unit and range default from the catalogue, the flag is computed (qualitative: chosen).", permission: "lab.result", body: ZLabResult, status: 201 },
  { method: "GET", path: "/lab-orders", tag: "lab-orders", summary: "`?patientId=&status=ORDERED|RESULTED|CANCELLED`; `status=ORDERED` alone is the lab's worklist, oldest first.", permission: "clinical.read", query: ["q","page","pageSize","sort","status","patientId"], list: true },
  { method: "POST", path: "/lab-orders", idempotent: true, tag: "lab-orders", summary: "`{ patientId, testIds: [...], consultationId?, notes? }` → 201 `{ items: [order, …] }`, one order per test.", permission: "clinical.write", body: ZLabOrder, status: 201 },
  { method: "GET", path: "/lab-tests", tag: "lab-orders", summary: "The lab catalogue: code, LOINC, unit and adult reference range of each active test.", permission: "clinical.read" },
  { method: "PATCH", path: "/lab-tests/{id}", tag: "lab-orders", summary: "`{ name?, specimen?, unit?, refLow?, refHigh?, price?, active? }` (price in minor units; null clears): an audited edit of a catalogue entry, admins only. The code and LOINC stay.", permission: "lab.catalogue", body: ZLabTestUpdate },
  { method: "GET", path: "/notifications", tag: "notifications", summary: "The caller's own notifications, newest first: `?unread=true&page=&pageSize=` → list plus `unread` count.", permission: "notification.read", query: ["q","page","pageSize","sort","unread"], list: true },
  { method: "PATCH", path: "/notifications", tag: "notifications", summary: "`{ ids: [...] }` or `{ all: true }` → `{ updated, unread }`; other users' ids are ignored.", permission: "notification.read", body: ZMarkRead },
  { method: "GET", path: "/openapi.json", tag: "meta", summary: "This document: OpenAPI 3.1 of the whole API, built from the schemas the routes validate with.", permission: null },
  { method: "GET", path: "/patients/{id}/history", tag: "patients", summary: "Everything on the record in time order, paged (`?page=&pageSize=&sort=-at|at`, newest first by default): registration, allergies, conditions, appointments, consultations, vitals, nurse notes, lab orders and results, prescriptions, addenda. One audited read of the record.", permission: "patient.read", query: ["q","page","pageSize","sort"], list: true },
  { method: "POST", path: "/patients/{id}/nurse-notes/{noteId}/addenda", idempotent: true, tag: "patients", summary: "`{ text }`: an addendum to a locked record.", permission: "clinical.addendum", body: ZAddendum, status: 201 },
  { method: "PATCH", path: "/patients/{id}/nurse-notes/{noteId}", tag: "patients", summary: "By the author until `lockedAt`; then `423 RECORD_LOCKED` (add an addendum instead).", permission: "vitals.write", body: ZNurseNote },
  { method: "GET", path: "/patients/{id}/nurse-notes", tag: "patients", summary: "Newest first (audited; patients: their own).", permission: "clinical.read", query: ["q","page","pageSize","sort"], list: true },
  { method: "POST", path: "/patients/{id}/nurse-notes", idempotent: true, tag: "patients", summary: "`{ shift: DAY/EVENING/NIGHT, category, text }`.", permission: "vitals.write", body: ZNurseNote, status: 201 },
  { method: "GET", path: "/patients/{id}", tag: "patients", summary: "One patient by id; `clinical` (blood group, history, conditions) is null for roles without clinical access.", permission: "patient.read" },
  { method: "PATCH", path: "/patients/{id}", tag: "patients", summary: "Updates a patient; absent fields stay as they are. `403` naming each of `bloodGroup`, `medicalHistory`, `conditions` sent by a role without clinical access.", permission: "patient.register", body: ZUpdatePatient },
  { method: "DELETE", path: "/patients/{id}", tag: "patients", summary: "Deactivates (soft delete) with a reason; the record and its history stay.", permission: "patient.deactivate", body: ZDeactivatePatient },
  { method: "POST", path: "/patients/{id}/vitals/{vitalId}/addenda", idempotent: true, tag: "patients", summary: "`{ text }`: an addendum to a locked record.", permission: "clinical.addendum", body: ZAddendum, status: 201 },
  { method: "PATCH", path: "/patients/{id}/vitals/{vitalId}", tag: "patients", summary: "The full set of measurements again (absent ones are cleared), by the author until `lockedAt`; then `423`. The set is scored again (NEWS2). `consciousness` (`\"A\"`, `\"C\"`, `\"V\"`, `\"P\"` or `\"U\"`, ACVPU) and `supplementalOxygen` (a JSON boolean) are optional, but only a set with both and respiratory rate, SpO2, systolic, pulse and temperature is scored. A score of 5 or more, or any parameter at 3, notifies the attending doctor of the current admission and the nurses of its ward in-app.", permission: "vitals.write", body: ZVitals },
  { method: "GET", path: "/patients/{id}/vitals", tag: "patients", summary: "Newest first (audited; patients: their own). Each record carries `news2: { score, band, subscores, scale } | null` (RCP NEWS2 2017; band `low`, `low-medium` (a single parameter scored 3, total ≤ 4), `medium` (5–6) or `high` (≥ 7); subscores `respiratoryRate`, `spo2`, `airOrOxygen`, `systolic`, `pulse`, `consciousness`, `temperature`; scale: the SpO2 scale, 2 for a patient flagged with hypercapnic respiratory failure) and, when null, `news2Reason`: `under 16`, `pregnant` or `incomplete set`.", permission: "clinical.read", query: ["q","page","pageSize","sort"], list: true },
  { method: "POST", path: "/patients/{id}/vitals", idempotent: true, tag: "patients", summary: "At least one measurement, each within its plausible range (400 with the fields otherwise). `consciousness` (`\"A\"`, `\"C\"`, `\"V\"`, `\"P\"` or `\"U\"`, ACVPU) and `supplementalOxygen` (a JSON boolean) are optional, but only a set with both and respiratory rate, SpO2, systolic, pulse and temperature is scored. A score of 5 or more, or any parameter at 3, notifies the attending doctor of the current admission and the nurses of its ward in-app. The created record carries `news2` (or `news2Reason`) as in the list.", permission: "vitals.write", body: ZVitals, status: 201 },
  { method: "GET", path: "/patients/me", tag: "patients", summary: "The me.", permission: "patient.self" },
  { method: "GET", path: "/patients", tag: "patients", summary: "The patients. `?condition=` (diagnosis text) only for roles with clinical access: `400` naming the field for others.", permission: "patient.list", query: ["q","page","pageSize","sort","condition"], list: true },
  { method: "POST", path: "/patients", idempotent: true, tag: "patients", summary: "409 DUPLICATE with `details.candidates` when the person may already exist; resend with confirmDuplicate. `403` naming each clinical field (`bloodGroup`, `medicalHistory`, non-empty `conditions`) sent by a role without clinical access.", permission: "patient.register", body: ZRegisterPatient, status: 201 },
  { method: "GET", path: "/payments/{id}/receipt", tag: "payments", summary: "The receipt of a payment or refund.", permission: "billing.read" },
  { method: "POST", path: "/payments/{id}/refund", idempotent: true, tag: "payments", summary: "`{ amount, reason }`: a refund of at most what remains of the payment.", permission: "billing.manage", body: ZRefund, status: 201 },
  { method: "GET", path: "/payments", tag: "payments", summary: "`?invoiceId=&page=&pageSize=`: payments (positive) and refunds (negative), newest first.", permission: "billing.read", query: ["q","page","pageSize","sort","invoiceId"], list: true },
  { method: "POST", path: "/payments", idempotent: true, tag: "payments", summary: "`{ invoiceId, amount, method, reference? }`, amount in minor units, at most the balance.", permission: "billing.manage", body: ZPayment, status: 201 },
  { method: "POST", path: "/prescriptions/{id}/dispense", idempotent: true, tag: "prescriptions", summary: "`{ items?: [{ itemId, quantity }] }` (no body or no items: dispense all that remains) → 201 with the dispense, its batch lines and the prescription's new status. 409 OUT_OF_STOCK (nothing written); 409 INVALID_TRANSITION for a revoked, expired or fully dispensed prescription.", permission: "pharmacy.dispense", status: 201 },
  { method: "GET", path: "/prescriptions/{id}/pdf", tag: "prescriptions", summary: "`?paper=A4|LETTER` (default A4): the printable prescription with its verification QR code.", permission: "prescription.read", query: ["paper"] },
  { method: "POST", path: "/prescriptions/{id}/revoke", tag: "prescriptions", summary: "`{ reason }`: the prescribing doctor only; a fully dispensed prescription → 409 INVALID_TRANSITION.", permission: "prescription.write", body: ZRevoke },
  { method: "GET", path: "/prescriptions/{id}", tag: "prescriptions", summary: "One prescription by id.", permission: "prescription.read" },
  { method: "GET", path: "/prescriptions", tag: "prescriptions", summary: "`?status=&patientId=&page=&pageSize=&sort=-issuedAt|issuedAt`, scoped to the caller (patients: their own).", permission: "prescription.read", query: ["q", "page", "pageSize", "sort", ...PRESCRIPTION_FILTER_KEYS], list: true },
  { method: "POST", path: "/prescriptions", idempotent: true, tag: "prescriptions", summary: "Prescribes (doctors). Safety findings without `overrideReason` → 409 SAFETY_CHECK with `error.details.findings`.", permission: "prescription.write", body: ZPrescribe, status: 201 },
  { method: "GET", path: "/public-health/aggregates", tag: "public-health", summary: "`?period=2026-11|2026-Q3|2026&groupBy=diagnosis|department|ageBand|sex[&format=csv]`: anonymised counts over a fixed, completed month, quarter or year (arbitrary `from`/`to` ranges are refused: overlapping ranges subtract to small ones), small cells suppressed; a quarter or year publishes a group only where each of its months does. An admin (publichealth.read), or an integration token with the \"public-health:read\" scope.", permission: "publichealth.read", query: ["period","groupBy","format"], scopes: ["public-health:read"] },
  { method: "POST", path: "/reports/builder", tag: "reports", summary: "A report from the allow-list (see `/reports/builder/entities`): `{ entity, columns?, filters?: [{ field, op, value }], groupBy?: [{ field, granularity? }], aggregates?: [{ fn: count|sum|avg, field? }], page?, pageSize? ≤ 100 }` → `{ columns, items, total, page, pageSize }`; `?format=csv` for the whole result as CSV. Read-only, audited.", permission: "report.build", body: ZReportSpec, query: ["format"] },
  { method: "GET", path: "/reports/builder/csv", tag: "reports", summary: "The whole result as CSV with the spec in the query, as the builder page links it: `?entity=admissions&group=ward&group=admittedAt:month&agg=count&filter=admittedAt:between:2026-01-01,2026-03-31&col=…`. Audited.", permission: "report.build", query: ["entity", "col", "filter", "group", "agg"] },
  { method: "POST", path: "/reports/builder/csv", tag: "reports", summary: "The same spec → the whole result as CSV (header: the column keys; at most 50,000 rows). Audited.", permission: "report.build", body: ZReportSpec },
  { method: "GET", path: "/reports/builder/entities", tag: "reports", summary: "The report builder's allow-list: per entity its fields (type, enum values, operators, group-by, granularities, aggregatable) and default columns.", permission: "report.build" },
  { method: "GET", path: "/reports/{name}", tag: "reports", summary: "`/reports/{revenue|appointments|occupancy|diagnoses|revenue-per-day}[.csv]?from=&to=`: JSON, or CSV with `.csv` or `?format=csv`.", permission: "report.read" },
  { method: "GET", path: "/reports/occupancy", tag: "reports", summary: "`?from=YYYY-MM-DD&to=YYYY-MM-DD` (both included): bed-days occupied / available, admissions and discharges per ward.", permission: "ward.read", query: ["from","to"] },
  { method: "GET", path: "/reports/revenue", tag: "reports", summary: "`?from=&to=&doctorId=` (dates both included): per doctor the consultation visits, billed and collected; `&format=csv` for CSV.", permission: "report.read" },
  { method: "PATCH", path: "/rooms/{id}", tag: "rooms", summary: "`{ name?, type?, capacity?, active? }`.", permission: "ward.manage", body: ZRoomPatch },
  { method: "GET", path: "/rooms", tag: "rooms", summary: "`?wardId=&q=&page=&pageSize=`: one page of rooms by ward and name (`q`: name contains, case-insensitive), each with the occupancy of its active beds.", permission: "ward.read", query: ["q","page","pageSize","wardId"], list: true },
  { method: "POST", path: "/rooms", idempotent: true, tag: "rooms", summary: "`{ wardId, name, type, capacity }`.", permission: "ward.manage", body: ZRoom, status: 201 },
  { method: "GET", path: "/staff/{id}", tag: "staff", summary: "One staff by id.", permission: "staff.manage" },
  { method: "PATCH", path: "/staff/{id}", tag: "staff", summary: "Absent fields stay as they are; null clears an optional one.", permission: "staff.manage", body: ZStaffUpdate },
  { method: "DELETE", path: "/staff/{id}", tag: "staff", summary: "Deactivates a staff account: sign-in refused and every session and token dead at once.", permission: "staff.manage", body: ZDeactivate },
  { method: "GET", path: "/staff", tag: "staff", summary: "`?q=&role=&departmentId=&page=&pageSize=&sort=`: staff accounts, active or not.", permission: "staff.manage", query: ["q","page","pageSize","sort","role","departmentId"], list: true },
  { method: "POST", path: "/staff", idempotent: true, tag: "staff", summary: "Without `password`, an email invites the person to choose one.", permission: "staff.manage", body: ZStaffCreate, status: 201 },
  { method: "GET", path: "/stats", tag: "meta", summary: "Counts of patients, staff by role, appointments by status, beds occupied and free.", permission: "stats.read" },
  { method: "GET", path: "/status", tag: "meta", summary: "`{ status, database, version }`; 503 when the database is down.", permission: null },
  { method: "GET", path: "/stock/expiring", tag: "drugs", summary: "`?days=60`: batches with units left expiring within that many days, expired ones included (`expired: true`), soonest first.", permission: "pharmacy.stock", query: ["q","page","pageSize","sort","days"], list: true },
  { method: "DELETE", path: "/tokens/{id}", tag: "tokens", summary: "Revokes the token at once (its next request → 401); revoking twice is harmless.", permission: "token.manage" },
  { method: "GET", path: "/tokens", tag: "tokens", summary: "Every integration token with its owner, scopes and last use; never the secret.", permission: "token.manage" },
  { method: "POST", path: "/tokens", tag: "tokens", summary: "`{ name, scopes: [\"full\" | \"public-health:read\" | \"fhir:read\"], expiresInDays? }` → 201 `{ token, secret }`: the secret is shown only here.", permission: "token.manage", body: ZTokenCreate, status: 201 },
  { method: "POST", path: "/triage", idempotent: true, tag: "triage", summary: "`{ problem, patientId? }` → 201 `{ id, department: { id, name }, confidence, plannedStayDays, source, details }`, stored.", permission: "triage.run", body: ZTriageRun, status: 201 },
  { method: "PATCH", path: "/wards/{id}", tag: "wards", summary: "`{ name?, type?, departmentId?, active? }`: wards are deactivated, never deleted.", permission: "ward.manage", body: ZWardPatch },
  { method: "GET", path: "/wards", tag: "wards", summary: "`?q=&page=&pageSize=`: one page of active wards by name (`q`: name contains, case-insensitive), each with its department and occupancy (beds total / occupied / free / cleaning / out of service, %).", permission: "ward.read", query: ["q","page","pageSize"], list: true },
  { method: "POST", path: "/wards", idempotent: true, tag: "wards", summary: "`{ name, type, departmentId? }`.", permission: "ward.manage", body: ZWard, status: 201 },
];
