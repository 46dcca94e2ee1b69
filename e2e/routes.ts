import type { RoleName } from "./fixtures";

// Every page and API route, with the roles that may open it. The matrix spec proves each API allow and
// every deny, the pages spec each page allow; add a row with every new route.
const ALL: RoleName[] = ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST", "RECORDS_OFFICER", "PATIENT"];
const STAFF: RoleName[] = ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST", "RECORDS_OFFICER"];
const CLINICAL_READ: RoleName[] = ["ADMIN", "DOCTOR", "NURSE", "PATIENT"];
// ward.read and admission.manage: the bed board, wards, admissions.
const WARD_READ: RoleName[] = ["ADMIN", "DOCTOR", "NURSE", "RECORDS_OFFICER"];

export const PAGES: { path: string; roles: RoleName[] }[] = [
  { path: "/dashboard", roles: ALL },
  { path: "/notifications", roles: ALL },
  { path: "/account/password", roles: ALL },
  // The steps an account may have to take first; without one they lead on (to /account/password, /dashboard).
  { path: "/change-password", roles: ALL },
  { path: "/register/confirm", roles: ["PATIENT"] },
  { path: "/patients", roles: STAFF },
  { path: "/patients/new", roles: ["ADMIN", "DOCTOR", "NURSE", "RECORDS_OFFICER"] },
  { path: "/patients/duplicates", roles: ["ADMIN", "RECORDS_OFFICER"] },
  { path: "/me/profile", roles: ["PATIENT"] },
  { path: "/admin/audit", roles: ["ADMIN"] },
  { path: "/doctors", roles: ALL },
  { path: "/admin/staff", roles: ["ADMIN"] },
  { path: "/admin/staff/new", roles: ["ADMIN"] },
  { path: "/admin/departments", roles: ["ADMIN"] },
  { path: "/admin/outbox", roles: ["ADMIN"] },
  { path: "/admin/jobs", roles: ["ADMIN"] },
  { path: "/exports", roles: ALL },
  { path: "/appointments", roles: ["ADMIN", "DOCTOR", "NURSE", "RECORDS_OFFICER", "PATIENT"] },
  { path: "/availability", roles: ["DOCTOR"] },
  { path: "/billing", roles: ["ADMIN", "RECORDS_OFFICER", "PATIENT"] },
  { path: "/billing/new", roles: ["ADMIN", "RECORDS_OFFICER"] },
  // {doctorId} is the demo cardiologist's id, looked up at run time (fixtures.ts demoDoctorId).
  { path: "/doctors/{doctorId}", roles: ALL },
  { path: "/admin/staff/{doctorId}/availability", roles: ["ADMIN"] },
  { path: "/consultations/new", roles: ["DOCTOR"] },
  { path: "/consultations", roles: ["ADMIN", "DOCTOR", "NURSE"] },
  // The chart's tabs ({patientId}: Sam Patient, fixtures.ts demoPatientId); patient.chart.read and each tab's own permission.
  { path: "/patients/{patientId}", roles: ["ADMIN", "DOCTOR", "NURSE"] },
  { path: "/patients/{patientId}/visits", roles: ["ADMIN", "DOCTOR", "NURSE"] },
  { path: "/patients/{patientId}/vitals", roles: ["ADMIN", "DOCTOR", "NURSE"] },
  { path: "/patients/{patientId}/results", roles: ["ADMIN", "DOCTOR", "NURSE"] },
  { path: "/patients/{patientId}/medications", roles: ["ADMIN", "DOCTOR", "NURSE"] },
  { path: "/patients/{patientId}/admissions", roles: ["ADMIN", "DOCTOR", "NURSE"] },
  { path: "/patients/{patientId}/documents", roles: ["ADMIN", "DOCTOR", "NURSE"] },
  { path: "/patients/{patientId}/billing", roles: ["ADMIN"] },
  // Merging a duplicate into this record (patient.merge): the MRN picker until a duplicate is chosen.
  { path: "/patients/{patientId}/merge", roles: ["ADMIN", "RECORDS_OFFICER"] },
  { path: "/lab", roles: ["DOCTOR", "NURSE"] },
  { path: "/me/health", roles: ["PATIENT"] },
  { path: "/prescriptions", roles: ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST", "PATIENT"] },
  { path: "/prescriptions/new", roles: ["DOCTOR"] },
  { path: "/pharmacy", roles: ["ADMIN", "PHARMACIST"] },
  { path: "/pharmacy/drugs", roles: ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST"] },
  { path: "/pharmacy/drugs/new", roles: ["ADMIN", "PHARMACIST"] },
  // {drugId} is amoxicillin 500 mg capsule from the catalogue (fixtures.ts demoDrugId).
  { path: "/pharmacy/drugs/{drugId}", roles: ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST"] },
  { path: "/beds", roles: WARD_READ },
  { path: "/beds?state=FREE", roles: WARD_READ },
  { path: "/beds?page=2", roles: WARD_READ },
  { path: "/admissions", roles: WARD_READ },
  { path: "/reports/occupancy", roles: WARD_READ },
  { path: "/reports", roles: ["ADMIN"] },
  { path: "/reports/revenue", roles: ["ADMIN"] },
  { path: "/reports/builder", roles: ["ADMIN"] },
  { path: "/reports/builder?entity=admissions&group=ward&group=admittedAt:month", roles: ["ADMIN"] },
  { path: "/public-health", roles: ["ADMIN"] },
  { path: "/admin/wards", roles: ["ADMIN"] },
  { path: "/admin/tokens", roles: ["ADMIN"] },
  { path: "/admin/system", roles: ["ADMIN"] },
  { path: "/admin/data", roles: ["ADMIN"] },
  { path: "/admin/data/departments", roles: ["ADMIN"] },
  { path: "/admin/data/patients?sex=female", roles: ["ADMIN"] },
  { path: "/admin/data/drugs/{drugId}", roles: ["ADMIN"] },
];

/** A PAGES path with its placeholders filled in. */
export const withIds = (path: string, ids: { doctorId: string; drugId?: string; patientId?: string }) =>
  path
    .replace("{doctorId}", ids.doctorId)
    .replace("{drugId}", ids.drugId ?? "")
    .replace("{patientId}", ids.patientId ?? "");

export const API: {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  roles: RoleName[];
  okStatus?: number;
}[] = [
  { method: "GET", path: "/api/v1/stats", roles: ["ADMIN"] },
  { method: "GET", path: "/api/v1/metrics", roles: ["ADMIN"] },
  { method: "GET", path: "/api/v1/patients", roles: STAFF },
  { method: "GET", path: "/api/v1/patients/me", roles: ["PATIENT"] },
  { method: "GET", path: "/api/v1/patients/duplicates", roles: ["ADMIN", "RECORDS_OFFICER"] },
  {
    method: "POST",
    path: "/api/v1/patients/duplicates/no-such-pair/dismiss",
    roles: ["ADMIN", "RECORDS_OFFICER"],
    okStatus: 404,
  },
  { method: "GET", path: "/api/v1/patients/link-requests", roles: ["ADMIN", "RECORDS_OFFICER"] },
  {
    method: "POST",
    path: "/api/v1/patients/link-requests/no-such-request/resolve",
    roles: ["ADMIN", "RECORDS_OFFICER"],
    okStatus: 400,
  },
  { method: "GET", path: "/api/v1/audit", roles: ["ADMIN"] },
  { method: "GET", path: "/api/v1/audit/actors", roles: ["ADMIN"] },
  // The data browser (admins): a list, an unknown record 404, an unknown entity 404.
  { method: "GET", path: "/api/v1/admin/data/departments", roles: ["ADMIN"] },
  { method: "GET", path: "/api/v1/admin/data/patients/no-such-patient", roles: ["ADMIN"], okStatus: 404 },
  { method: "GET", path: "/api/v1/admin/data/no-such-entity", roles: ["ADMIN"], okStatus: 404 },
  { method: "GET", path: "/api/v1/exports", roles: ALL },
  { method: "POST", path: "/api/v1/exports", roles: ALL, okStatus: 400 },
  // Someone else's (or no) export looks the same: 404 for every role that may export at all.
  { method: "GET", path: "/api/v1/exports/no-such-export", roles: ALL, okStatus: 404 },
  { method: "GET", path: "/api/v1/exports/no-such-export/download", roles: ALL, okStatus: 404 },
  { method: "GET", path: "/api/v1/appointments", roles: ["ADMIN", "DOCTOR", "NURSE", "RECORDS_OFFICER", "PATIENT"] },
  {
    method: "GET",
    path: "/api/v1/appointments/no-such-appointment",
    roles: ["ADMIN", "DOCTOR", "NURSE", "RECORDS_OFFICER", "PATIENT"],
    okStatus: 404,
  },
  // Ids that do not exist: allowed roles get 404, the others 403 before any lookup.
  { method: "GET", path: "/api/v1/patients/no-such-patient", roles: ALL, okStatus: 404 },
  { method: "GET", path: "/api/v1/patients/no-such-patient/history", roles: ALL, okStatus: 404 },
  // Merge (records officers and admins) and its undo (admins): no body is 400 for them, 403 for the others first.
  {
    method: "POST",
    path: "/api/v1/patients/no-such-patient/merge",
    roles: ["ADMIN", "RECORDS_OFFICER"],
    okStatus: 400,
  },
  { method: "POST", path: "/api/v1/patients/no-such-patient/merge/undo", roles: ["ADMIN"], okStatus: 400 },
  {
    method: "GET",
    path: "/api/v1/patients/no-such-patient/documents",
    roles: ["ADMIN", "DOCTOR", "NURSE", "RECORDS_OFFICER", "PATIENT"],
    okStatus: 404,
  },
  {
    method: "GET",
    path: "/api/v1/documents/no-such-document",
    roles: ["ADMIN", "DOCTOR", "NURSE", "RECORDS_OFFICER", "PATIENT"],
    okStatus: 404,
  },
  // An id that does not exist: the allowed role gets 404, the others 403 before any lookup.
  { method: "DELETE", path: "/api/v1/staff/no-such-user", roles: ["ADMIN"], okStatus: 404 },
  { method: "GET", path: "/api/v1/staff", roles: ["ADMIN"] },
  { method: "GET", path: "/api/v1/staff/no-such-user", roles: ["ADMIN"], okStatus: 404 },
  // A body that fails validation: the allowed role gets 400 (and nothing written), the others 403 first.
  { method: "POST", path: "/api/v1/staff", roles: ["ADMIN"], okStatus: 400 },
  { method: "PATCH", path: "/api/v1/staff/no-such-user", roles: ["ADMIN"], okStatus: 400 },
  { method: "GET", path: "/api/v1/departments", roles: ALL },
  { method: "GET", path: "/api/v1/departments/no-such-department", roles: ALL, okStatus: 404 },
  { method: "POST", path: "/api/v1/departments", roles: ["ADMIN"], okStatus: 400 },
  { method: "PATCH", path: "/api/v1/departments/no-such-department", roles: ["ADMIN"], okStatus: 400 },
  { method: "GET", path: "/api/v1/doctors", roles: ALL },
  // Wards, rooms, beds (admins manage; a bed's state also by nurses) and admissions: no body is 400 for
  // the allowed roles, ids that do not exist 404.
  { method: "GET", path: "/api/v1/wards", roles: WARD_READ },
  { method: "POST", path: "/api/v1/wards", roles: ["ADMIN"], okStatus: 400 },
  { method: "PATCH", path: "/api/v1/wards/no-such-ward", roles: ["ADMIN"], okStatus: 400 },
  { method: "GET", path: "/api/v1/rooms", roles: WARD_READ },
  { method: "POST", path: "/api/v1/rooms", roles: ["ADMIN"], okStatus: 400 },
  { method: "PATCH", path: "/api/v1/rooms/no-such-room", roles: ["ADMIN"], okStatus: 400 },
  { method: "GET", path: "/api/v1/beds?state=FREE", roles: WARD_READ },
  { method: "POST", path: "/api/v1/beds", roles: ["ADMIN"], okStatus: 400 },
  { method: "PATCH", path: "/api/v1/beds/no-such-bed", roles: ["ADMIN", "NURSE"], okStatus: 400 },
  { method: "GET", path: "/api/v1/admissions?status=live", roles: WARD_READ },
  { method: "POST", path: "/api/v1/admissions", roles: WARD_READ, okStatus: 400 },
  { method: "GET", path: "/api/v1/admissions/no-such-admission", roles: WARD_READ, okStatus: 404 },
  { method: "POST", path: "/api/v1/admissions/no-such-admission/transfer", roles: WARD_READ, okStatus: 400 },
  { method: "POST", path: "/api/v1/admissions/no-such-admission/discharge", roles: WARD_READ, okStatus: 400 },
  { method: "GET", path: "/api/v1/reports/occupancy?from=2026-01-01&to=2026-01-31", roles: WARD_READ },
  { method: "GET", path: "/api/v1/reports/revenue?from=2026-01-01&to=2026-01-31", roles: ["ADMIN"] },
  { method: "GET", path: "/api/v1/reports/revenue.csv?from=2026-01-01&to=2026-01-31", roles: ["ADMIN"] },
  { method: "GET", path: "/api/v1/reports/appointments?from=2026-01-01&to=2026-01-31&format=csv", roles: ["ADMIN"] },
  { method: "GET", path: "/api/v1/public-health/aggregates?period=2026-01&groupBy=sex", roles: ["ADMIN"] },
  // The report builder (admins): the allow-list; a spec-less run or export is 400.
  { method: "GET", path: "/api/v1/reports/builder/entities", roles: ["ADMIN"] },
  { method: "POST", path: "/api/v1/reports/builder", roles: ["ADMIN"], okStatus: 400 },
  { method: "POST", path: "/api/v1/reports/builder/csv", roles: ["ADMIN"], okStatus: 400 },
  {
    method: "GET",
    path: "/api/v1/reports/builder/csv?entity=admissions&group=ward&group=admittedAt:month",
    roles: ["ADMIN"],
  },
  // Integration API tokens (admins); an empty body is 400, an unknown id 404. /api/v1/openapi.json and /api-docs are public (api-docs.spec.ts).
  { method: "GET", path: "/api/v1/tokens", roles: ["ADMIN"] },
  { method: "POST", path: "/api/v1/tokens", roles: ["ADMIN"], okStatus: 400 },
  { method: "DELETE", path: "/api/v1/tokens/no-such-token", roles: ["ADMIN"], okStatus: 404 },
  // Billing: reads for billing staff and patients (own); writes by billing staff. Unknown ids 404, empty bodies 400.
  { method: "GET", path: "/api/v1/invoices?status=open", roles: ["ADMIN", "RECORDS_OFFICER", "PATIENT"] },
  { method: "POST", path: "/api/v1/invoices", roles: ["ADMIN", "RECORDS_OFFICER"], okStatus: 400 },
  {
    method: "GET",
    path: "/api/v1/invoices/no-such-invoice",
    roles: ["ADMIN", "RECORDS_OFFICER", "PATIENT"],
    okStatus: 404,
  },
  {
    method: "POST",
    path: "/api/v1/invoices/no-such-invoice/lines",
    roles: ["ADMIN", "RECORDS_OFFICER"],
    okStatus: 400,
  },
  { method: "POST", path: "/api/v1/invoices/no-such-invoice/void", roles: ["ADMIN", "RECORDS_OFFICER"], okStatus: 400 },
  {
    method: "GET",
    path: "/api/v1/invoices/no-such-invoice/pdf",
    roles: ["ADMIN", "RECORDS_OFFICER", "PATIENT"],
    okStatus: 404,
  },
  { method: "GET", path: "/api/v1/payments", roles: ["ADMIN", "RECORDS_OFFICER", "PATIENT"] },
  { method: "POST", path: "/api/v1/payments", roles: ["ADMIN", "RECORDS_OFFICER"], okStatus: 400 },
  {
    method: "POST",
    path: "/api/v1/payments/no-such-payment/refund",
    roles: ["ADMIN", "RECORDS_OFFICER"],
    okStatus: 400,
  },
  {
    method: "GET",
    path: "/api/v1/payments/no-such-payment/receipt",
    roles: ["ADMIN", "RECORDS_OFFICER", "PATIENT"],
    okStatus: 404,
  },
  // The caller's own notifications; PATCH without a body is 400 (nothing marked).
  { method: "GET", path: "/api/v1/account", roles: ALL },
  { method: "PATCH", path: "/api/v1/account", roles: ALL, okStatus: 400 },
  // Changing one's password without a body: 400; asking again for a confirmation link (patients; the demo one is confirmed: nothing sent).
  { method: "PUT", path: "/api/v1/account/password", roles: ALL, okStatus: 400 },
  { method: "POST", path: "/api/v1/account/confirmation-email", roles: ["PATIENT"], okStatus: 202 },
  { method: "GET", path: "/api/v1/notifications", roles: ALL },
  { method: "GET", path: "/api/v1/notifications?unread=true&page=1&pageSize=5", roles: ALL },
  { method: "PATCH", path: "/api/v1/notifications", roles: ALL, okStatus: 400 },
  // Triage: no body is 400 for the staff who may run it, 403 for the others.
  { method: "POST", path: "/api/v1/triage", roles: ["ADMIN", "DOCTOR", "NURSE", "RECORDS_OFFICER"], okStatus: 400 },
  // Clinical record: reads for clinicians, admins and patients (own); writes by role. Ids that do not
  // exist give the allowed roles 404; bodies that fail validation (none sent) 400.
  { method: "GET", path: "/api/v1/icd10?q=i10", roles: CLINICAL_READ },
  { method: "GET", path: "/api/v1/lab-tests", roles: CLINICAL_READ },
  { method: "PATCH", path: "/api/v1/lab-tests/no-such-test", roles: ["ADMIN"], okStatus: 400 },
  { method: "GET", path: "/api/v1/consultations", roles: CLINICAL_READ },
  { method: "POST", path: "/api/v1/consultations", roles: ["DOCTOR"], okStatus: 400 },
  { method: "GET", path: "/api/v1/consultations/no-such-consultation", roles: CLINICAL_READ, okStatus: 404 },
  { method: "PATCH", path: "/api/v1/consultations/no-such-consultation", roles: ["DOCTOR"], okStatus: 400 },
  { method: "POST", path: "/api/v1/consultations/no-such-consultation/sign", roles: ["DOCTOR"], okStatus: 404 },
  {
    method: "POST",
    path: "/api/v1/consultations/no-such-consultation/addenda",
    roles: ["DOCTOR", "NURSE"],
    okStatus: 400,
  },
  { method: "GET", path: "/api/v1/patients/no-such-patient/vitals", roles: CLINICAL_READ, okStatus: 404 },
  { method: "POST", path: "/api/v1/patients/no-such-patient/vitals", roles: ["DOCTOR", "NURSE"], okStatus: 400 },
  {
    method: "PATCH",
    path: "/api/v1/patients/no-such-patient/vitals/no-such-vital",
    roles: ["DOCTOR", "NURSE"],
    okStatus: 400,
  },
  {
    method: "POST",
    path: "/api/v1/patients/no-such-patient/vitals/no-such-vital/addenda",
    roles: ["DOCTOR", "NURSE"],
    okStatus: 400,
  },
  { method: "GET", path: "/api/v1/patients/no-such-patient/nurse-notes", roles: CLINICAL_READ, okStatus: 404 },
  { method: "POST", path: "/api/v1/patients/no-such-patient/nurse-notes", roles: ["DOCTOR", "NURSE"], okStatus: 400 },
  {
    method: "PATCH",
    path: "/api/v1/patients/no-such-patient/nurse-notes/no-such-note",
    roles: ["DOCTOR", "NURSE"],
    okStatus: 400,
  },
  {
    method: "POST",
    path: "/api/v1/patients/no-such-patient/nurse-notes/no-such-note/addenda",
    roles: ["DOCTOR", "NURSE"],
    okStatus: 400,
  },
  { method: "GET", path: "/api/v1/lab-orders", roles: CLINICAL_READ },
  { method: "POST", path: "/api/v1/lab-orders", roles: ["DOCTOR"], okStatus: 400 },
  { method: "GET", path: "/api/v1/lab-orders/no-such-order/results", roles: CLINICAL_READ, okStatus: 404 },
  { method: "POST", path: "/api/v1/lab-orders/no-such-order/results", roles: ["DOCTOR", "NURSE"], okStatus: 400 },
  { method: "POST", path: "/api/v1/lab-results/no-such-result/amendments", roles: ["DOCTOR", "NURSE"], okStatus: 400 },
  { method: "POST", path: "/api/v1/lab-results/no-such-result/review", roles: ["DOCTOR"], okStatus: 404 },
  { method: "GET", path: "/api/v1/lab-results/awaiting-review", roles: ["DOCTOR"] },
  { method: "GET", path: "/api/v1/drugs?q=amox&lowStock=true", roles: ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST"] },
  { method: "POST", path: "/api/v1/drugs", roles: ["ADMIN", "PHARMACIST"], okStatus: 400 },
  {
    method: "GET",
    path: "/api/v1/drugs/no-such-drug",
    roles: ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST"],
    okStatus: 404,
  },
  { method: "PATCH", path: "/api/v1/drugs/no-such-drug", roles: ["ADMIN", "PHARMACIST"], okStatus: 400 },
  {
    method: "GET",
    path: "/api/v1/drugs/no-such-drug/stock",
    roles: ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST"],
    okStatus: 404,
  },
  { method: "POST", path: "/api/v1/drugs/no-such-drug/stock", roles: ["ADMIN", "PHARMACIST"], okStatus: 400 },
  { method: "GET", path: "/api/v1/stock/expiring?days=60", roles: ["ADMIN", "PHARMACIST"] },
  { method: "POST", path: "/api/v1/prescriptions/no-such-prescription/dispense", roles: ["PHARMACIST"], okStatus: 404 },
  {
    method: "GET",
    path: "/api/v1/prescriptions?status=ACTIVE",
    roles: ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST", "PATIENT"],
  },
  {
    method: "GET",
    path: "/api/v1/prescriptions/no-such-prescription",
    roles: ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST", "PATIENT"],
    okStatus: 404,
  },
  {
    method: "GET",
    path: "/api/v1/prescriptions/no-such-prescription/pdf",
    roles: ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST", "PATIENT"],
    okStatus: 404,
  },
  { method: "POST", path: "/api/v1/prescriptions", roles: ["DOCTOR"], okStatus: 400 },
  { method: "POST", path: "/api/v1/prescriptions/no-such-prescription/revoke", roles: ["DOCTOR"], okStatus: 400 },
];
