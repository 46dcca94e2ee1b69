import { z } from "zod";
import { PAGING, defineOperation, listOf, queryOf, zIso } from "@/lib/server/contract";
import { ZAddendum, ZNews2Flags, ZNurseNote, ZVitals } from "@/lib/clinical/schemas";
import { ZAddendumWritten } from "@/lib/clinical/contract";
import { ZResolveLink } from "./duplicates-schemas";
import { NOTE_CATEGORIES, SHIFTS } from "@/lib/clinical/schemas";
import { ZDeactivatePatient, ZMerge, ZMergeUndo, ZRegisterPatient, ZUpdatePatient } from "./schemas";

// The success bodies of its GETs (JSON as sent: dates are ISO strings).
const getPatientsByIdHistoryResponse = listOf(
  z.object({
    at: zIso,
    kind: z.string(),
    id: z.string(),
    summary: z.string(),
    flag: z.string().nullable(),
    link: z.string().nullable(),
  }),
);

const getPatientsByIdNurseNotesResponse = listOf(
  z.object({
    id: z.string(),
    shift: z.string(),
    category: z.string(),
    text: z.string(),
    createdAt: zIso,
    lockedAt: zIso,
    author: z.object({
      id: z.string(),
      name: z.string(),
    }),
  }),
);

/** One patient's record as the actor may see it (lib/patients/queries.ts patientRecord): `clinical` null for roles without clinical access. */
const ZPatientDetail = z.object({
  id: z.string(),
  mrn: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  age: z.number().int(),
  sex: z.string(),
  nationalId: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  emergencyContact: z.object({
    name: z.string().nullable(),
    phone: z.string().nullable(),
    relation: z.string().nullable(),
  }),
  active: z.boolean(),
  deactivationReason: z.string().nullable(),
  qrToken: z.string(),
  createdAt: zIso,
  updatedAt: zIso,
  allergies: z.array(
    z.object({
      id: z.string(),
      substance: z.string(),
      drugClass: z.string().nullable(),
      reaction: z.string().nullable(),
      severity: z.enum(["mild", "moderate", "severe"]).nullable(),
    }),
  ),
  clinical: z
    .object({
      bloodGroup: z.string().nullable(),
      medicalHistory: z.string().nullable(),
      conditions: z.array(
        z.object({ id: z.string(), text: z.string(), code: z.string().nullable().describe("ICD-10-CM") }),
      ),
    })
    .nullable(),
});

const getPatientsByIdResponse = ZPatientDetail;

/** A set of vital signs as listed (lib/clinical/queries.ts VitalRow). */
const ZVitalRow = z.object({
  id: z.string(),
  takenAt: zIso,
  temperatureC: z.number().nullable(),
  pulse: z.number().int().nullable(),
  respiratoryRate: z.number().int().nullable(),
  systolic: z.number().int().nullable(),
  diastolic: z.number().int().nullable(),
  spo2: z.number().int().nullable(),
  weightKg: z.number().nullable(),
  heightCm: z.number().nullable(),
  painScore: z.number().int().nullable(),
  consciousness: z.enum(["A", "C", "V", "P", "U"]).nullable(),
  supplementalOxygen: z.boolean().nullable(),
  note: z.string().nullable(),
  lockedAt: zIso,
  recordedBy: z.object({
    id: z.string(),
    name: z.string(),
  }),
  bmi: z.number().nullable(),
  news2: z
    .object({
      score: z.number().int(),
      band: z.enum(["low", "low-medium", "medium", "high"]),
      subscores: z.object({
        respiratoryRate: z.number().int(),
        spo2: z.number().int(),
        airOrOxygen: z.number().int(),
        systolic: z.number().int(),
        pulse: z.number().int(),
        consciousness: z.number().int(),
        temperature: z.number().int(),
      }),
      scale: z.union([z.literal(1), z.literal(2)]),
    })
    .nullable(),
  news2Reason: z.enum(["under 16", "pregnant", "incomplete set"]).optional().describe("Only when `news2` is null."),
});
const getPatientsByIdVitalsResponse = listOf(ZVitalRow);

const getPatientsMeResponse = ZPatientDetail;

/** Why two records may be the same person (lib/patients/matching.ts MatchReason). */
const ZMatchReason = z.enum([
  "nationalId",
  "nationalIdDiffers",
  "dob",
  "dobNear",
  "dobDiffers",
  "lastName",
  "lastNameSimilar",
  "lastNameDiffers",
  "firstName",
  "firstNameSimilar",
  "firstNameDiffers",
  "namesSwapped",
  "sex",
  "sexDiffers",
  "phone",
  "email",
]);

const ZPairSide = z.object({
  id: z.string(),
  mrn: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  sex: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: zIso,
});
const getPatientsDuplicatesResponse = listOf(
  z.object({
    id: z.string(),
    score: z.number(),
    reasons: z.array(ZMatchReason),
    createdAt: zIso,
    survivor: ZPairSide,
    duplicate: ZPairSide,
    mergeUrl: z.string(),
  }),
);

/** A self-registered account waiting for a link, with its candidate records (lib/patients/link-requests.ts LinkRequestRow). */
const ZLinkRequest = z.object({
  id: z.string(),
  createdAt: zIso,
  account: z.object({
    userId: z.string(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    dateOfBirth: z.string(),
    sex: z.string(),
    phone: z.string().nullable(),
  }),
  candidates: z.array(
    z.object({
      patientId: z.string(),
      score: z.number(),
      level: z.string(),
      reasons: z.array(ZMatchReason),
      mrn: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      dateOfBirth: z.string(),
      sex: z.string(),
      phone: z.string().nullable(),
    }),
  ),
});
const getPatientsLinkRequestsResponse = z.object({
  items: z.array(ZLinkRequest),
});

const getPatientsResponse = listOf(
  z.object({
    id: z.string(),
    mrn: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    dateOfBirth: z.string(),
    sex: z.string(),
    phone: z.string().nullable(),
  }),
);

/** A set of vital signs as recorded: the measurements sent (absent ones null), with its NEWS2 (or why none). */
const ZVitalsRecorded = ZVitalRow.omit({ recordedBy: true, bmi: true }).extend({ patientId: z.string() });

/** A nurse note as written. */
const ZNurseNoteWritten = z.object({
  id: z.string(),
  patientId: z.string(),
  shift: z.enum(SHIFTS),
  category: z.enum(NOTE_CATEGORIES),
  text: z.string(),
  createdAt: zIso,
  lockedAt: zIso,
});

/** A record's id and MRN: a registration, or the record a link request was resolved to. */
const ZPatientRef = z.object({ id: z.string(), mrn: z.string() });

/** One side of a merge as the plan shows it (lib/patients/merge.ts MergeSide). */
const ZMergeSide = z.object({
  id: z.string(),
  mrn: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  sex: z.string(),
  nationalId: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
  hasAccount: z.boolean(),
  mergedInto: ZPatientRef.nullable(),
  counts: z.record(z.string(), z.number().int()).describe("Rows on the record, by kind (allergies, appointments, …)."),
});
/** What a merge moves and what stops it (lib/patients/merge.ts MergePlan). */
const ZMergePlan = z.object({
  survivor: ZMergeSide,
  duplicate: ZMergeSide,
  moves: z.array(z.object({ kind: z.string(), count: z.number().int(), alreadyOnSurvivor: z.number().int() })),
  account: z.enum(["none", "moves", "stays"]),
  conflicts: z.array(
    z.union([
      z.object({
        kind: z.literal("appointment"),
        duplicateRowId: z.string(),
        survivorRowId: z.string(),
        duplicateStartsAt: zIso,
        survivorStartsAt: zIso,
      }),
      z.object({
        kind: z.literal("admission"),
        duplicateRowId: z.string(),
        survivorRowId: z.string(),
        duplicateAdmittedAt: zIso,
        survivorAdmittedAt: zIso,
      }),
      z.object({ kind: z.literal("accounts") }),
    ]),
  ),
});
const ZMergeResult = z.union([
  z.object({ merged: z.literal(false), plan: ZMergePlan }).describe("`?preview=1`: nothing written."),
  z.object({ merged: z.literal(true), plan: ZMergePlan, mergeId: z.string() }),
]);

// The patients operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getPatientsByIdHistory: defineOperation({
    response: getPatientsByIdHistoryResponse,
    method: "GET",
    path: "/patients/{id}/history",
    tag: "patients",
    summary:
      "Everything on the record in time order, paged (`?page=&pageSize=&sort=-at|at`, newest first by default): registration, allergies, conditions, appointments, consultations, vitals, nurse notes, lab orders and results, prescriptions, addenda. One audited read of the record.",
    permission: "patient.read",
    query: queryOf([...PAGING]),
    list: true,
  }),
  postPatientsByIdNurseNotesByNoteIdAddenda: defineOperation({
    response: ZAddendumWritten,
    method: "POST",
    path: "/patients/{id}/nurse-notes/{noteId}/addenda",
    idempotent: true,
    tag: "patients",
    summary: "`{ text }`: an addendum to a locked record.",
    permission: "clinical.addendum",
    body: ZAddendum,
    status: 201,
  }),
  patchPatientsByIdNurseNotesByNoteId: defineOperation({
    response: z.object({ id: z.string() }),
    errors: [423],
    method: "PATCH",
    path: "/patients/{id}/nurse-notes/{noteId}",
    tag: "patients",
    summary: "By the author until `lockedAt`; then `423 RECORD_LOCKED` (add an addendum instead).",
    permission: "vitals.write",
    body: ZNurseNote,
  }),
  getPatientsByIdNurseNotes: defineOperation({
    response: getPatientsByIdNurseNotesResponse,
    method: "GET",
    path: "/patients/{id}/nurse-notes",
    tag: "patients",
    summary: "Newest first (audited; patients: their own).",
    permission: "clinical.read",
    query: queryOf([...PAGING]),
    list: true,
  }),
  postPatientsByIdNurseNotes: defineOperation({
    response: ZNurseNoteWritten,
    method: "POST",
    path: "/patients/{id}/nurse-notes",
    idempotent: true,
    tag: "patients",
    summary: "`{ shift: DAY/EVENING/NIGHT, category, text }`.",
    permission: "vitals.write",
    body: ZNurseNote,
    status: 201,
  }),
  postPatientsByIdMerge: defineOperation({
    response: ZMergeResult,
    errors: [409],
    method: "POST",
    path: "/patients/{id}/merge",
    tag: "patients",
    summary:
      "`{ duplicateId }`: merges that record into {id} (records officers and admins). Every row of the duplicate moves to {id} in one transaction (allergies and conditions {id} already has stay on the duplicate); the duplicate stays, inactive, `mergedIntoId` = {id}, its MRN an alias of {id} in searches; audited on both with both MRNs. → `{ merged: true, mergeId, plan }`. Overlapping live appointments or stays, or two sign-in accounts → `409 MERGE_CONFLICT` with `details.conflicts`, nothing written. `?preview=1`: a dry run → `{ merged: false, plan: { survivor, duplicate, moves: [{ kind, count, alreadyOnSurvivor }], account, conflicts } }`.",
    permission: "patient.merge",
    body: ZMerge,
    query: queryOf(["preview"]),
  }),
  postPatientsByIdMergeUndo: defineOperation({
    response: z.object({ id: z.string(), survivorId: z.string(), duplicateId: z.string(), undone: z.literal(true) }),
    errors: [409],
    method: "POST",
    path: "/patients/{id}/merge/undo",
    tag: "patients",
    summary:
      "`{ mergeId }`: undoes a merge into {id} (admins, within 30 days): exactly the rows it moved go back and the duplicate is active again. Refused with `409 INVALID_TRANSITION` when anything was recorded on either record since, when already undone, older than 30 days, or {id} was merged since.",
    permission: "patient.merge.undo",
    body: ZMergeUndo,
  }),
  getPatientsById: defineOperation({
    response: getPatientsByIdResponse,
    method: "GET",
    path: "/patients/{id}",
    tag: "patients",
    summary:
      "One patient by id; `clinical` (blood group, history, conditions) is null for roles without clinical access.",
    permission: "patient.read",
  }),
  patchPatientsById: defineOperation({
    response: getPatientsByIdResponse,
    method: "PATCH",
    path: "/patients/{id}",
    tag: "patients",
    summary:
      "Updates a patient; absent fields stay as they are. `403` naming each of `bloodGroup`, `medicalHistory`, `conditions` sent by a role without clinical access.",
    permission: "patient.register",
    body: ZUpdatePatient,
  }),
  deletePatientsById: defineOperation({
    status: 204,
    method: "DELETE",
    path: "/patients/{id}",
    tag: "patients",
    summary: "Deactivates (soft delete) with a reason; the record and its history stay.",
    permission: "patient.deactivate",
    body: ZDeactivatePatient,
  }),
  postPatientsByIdVitalsByVitalIdAddenda: defineOperation({
    response: ZAddendumWritten,
    method: "POST",
    path: "/patients/{id}/vitals/{vitalId}/addenda",
    idempotent: true,
    tag: "patients",
    summary: "`{ text }`: an addendum to a locked record.",
    permission: "clinical.addendum",
    body: ZAddendum,
    status: 201,
  }),
  patchPatientsByIdVitalsByVitalId: defineOperation({
    response: z.object({ id: z.string() }),
    errors: [423],
    method: "PATCH",
    path: "/patients/{id}/vitals/{vitalId}",
    tag: "patients",
    summary:
      'The full set of measurements again (absent ones are cleared), by the author until `lockedAt`; then `423`. The set is scored again (NEWS2). `consciousness` (`"A"`, `"C"`, `"V"`, `"P"` or `"U"`, ACVPU) and `supplementalOxygen` (a JSON boolean) are optional, but only a set with both and respiratory rate, SpO2, systolic, pulse and temperature is scored. A score of 5 or more, or any parameter at 3, notifies the attending doctor of the current admission and the nurses of its ward in-app.',
    permission: "vitals.write",
    body: ZVitals,
  }),
  putPatientsByIdNews2Flags: defineOperation({
    response: z.object({ id: z.string(), pregnant: z.boolean(), spo2Scale2: z.boolean() }),
    method: "PUT",
    path: "/patients/{id}/news2-flags",
    tag: "patients",
    summary:
      "Doctors: `{ pregnant?, spo2Scale2? }` (JSON booleans). NEWS2 is not scored in pregnancy; `spo2Scale2` (hypercapnic respiratory failure, target 88–92%) scores SpO2 on scale 2. Applies to sets recorded from then on. Returns `{ id, pregnant, spo2Scale2 }`.",
    permission: "clinical.write",
    body: ZNews2Flags,
  }),
  getPatientsByIdVitals: defineOperation({
    response: getPatientsByIdVitalsResponse,
    method: "GET",
    path: "/patients/{id}/vitals",
    tag: "patients",
    summary:
      "Newest first (audited; patients: their own). Each record carries `news2: { score, band, subscores, scale } | null` (RCP NEWS2 2017; band `low`, `low-medium` (a single parameter scored 3, total ≤ 4), `medium` (5–6) or `high` (≥ 7); subscores `respiratoryRate`, `spo2`, `airOrOxygen`, `systolic`, `pulse`, `consciousness`, `temperature`; scale: the SpO2 scale, 2 for a patient flagged with hypercapnic respiratory failure) and, when null, `news2Reason`: `under 16`, `pregnant` or `incomplete set`.",
    permission: "clinical.read",
    query: queryOf([...PAGING]),
    list: true,
  }),
  postPatientsByIdVitals: defineOperation({
    response: ZVitalsRecorded,
    method: "POST",
    path: "/patients/{id}/vitals",
    idempotent: true,
    tag: "patients",
    summary:
      'At least one measurement, each within its plausible range (400 with the fields otherwise). `consciousness` (`"A"`, `"C"`, `"V"`, `"P"` or `"U"`, ACVPU) and `supplementalOxygen` (a JSON boolean) are optional, but only a set with both and respiratory rate, SpO2, systolic, pulse and temperature is scored. A score of 5 or more, or any parameter at 3, notifies the attending doctor of the current admission and the nurses of its ward in-app. The created record carries `news2` (or `news2Reason`) as in the list.',
    permission: "vitals.write",
    body: ZVitals,
    status: 201,
  }),
  getPatientsMe: defineOperation({
    response: getPatientsMeResponse,
    errors: [404, 409],
    method: "GET",
    path: "/patients/me",
    tag: "patients",
    summary:
      "The caller's own record. `409 PENDING_LINK` while a self-registered account waits for a records officer to link it to its existing record (the matcher found one); `404` when the account has no record at all.",
    permission: "patient.self",
  }),
  getPatientsDuplicates: defineOperation({
    response: getPatientsDuplicatesResponse,
    method: "GET",
    path: "/patients/duplicates",
    tag: "patients",
    summary:
      "Possible duplicate pairs (matcher score ≥ POSSIBLE, neither record inactive, not dismissed), newest first: `{ id, score, reasons, createdAt, survivor, duplicate, mergeUrl }` where `survivor` is the older record. One audit row per patient shown.",
    permission: "patient.duplicates",
    query: queryOf([...PAGING]),
    list: true,
  }),
  postPatientsDuplicatesByPairIdDismiss: defineOperation({
    response: z.object({ id: z.string(), dismissed: z.literal(true) }),
    errors: [404],
    method: "POST",
    path: "/patients/duplicates/{pairId}/dismiss",
    tag: "patients",
    summary:
      '"Not a duplicate": the pair is never listed again, even if found again. Idempotent; `404` for an unknown pair. Returns `{ id, dismissed: true }`.',
    permission: "patient.duplicates",
  }),
  getPatientsLinkRequests: defineOperation({
    response: getPatientsLinkRequestsResponse,
    method: "GET",
    path: "/patients/link-requests",
    tag: "patients",
    summary:
      "Self-registered accounts held for a link to an existing record, oldest first: `{ items: [{ id, createdAt, account, candidates: [{ patientId, mrn, score, level, reasons, … }] }] }`. One audit row per candidate record shown.",
    permission: "patient.duplicates",
  }),
  postPatientsLinkRequestsByIdResolve: defineOperation({
    response: ZPatientRef,
    errors: [409],
    method: "POST",
    path: "/patients/link-requests/{id}/resolve",
    tag: "patients",
    summary:
      '`{ action: "link", patientId }` links the account to that candidate record (`409 INVALID_TRANSITION` if it is taken or the request already resolved); `{ action: "new" }` creates a new record for it and dismisses its candidate pairs. Returns `{ id, mrn }` of the record.',
    permission: "patient.duplicates",
    body: ZResolveLink,
  }),
  getPatients: defineOperation({
    response: getPatientsResponse,
    method: "GET",
    path: "/patients",
    tag: "patients",
    summary:
      "The patients. `?condition=` (diagnosis text) only for roles with clinical access: `400` naming the field for others.",
    permission: "patient.list",
    query: queryOf([...PAGING, "condition"]),
    list: true,
  }),
  postPatients: defineOperation({
    response: ZPatientRef,
    examples: {
      request: {
        firstName: "Ama",
        lastName: "Owusu",
        dateOfBirth: "1990-04-12",
        sex: "female",
        phone: "+233201234567",
      },
    },
    errors: [409],
    method: "POST",
    path: "/patients",
    idempotent: true,
    tag: "patients",
    summary:
      "409 DUPLICATE with `details.candidates` when the person may already exist; resend with confirmDuplicate. `403` naming each clinical field (`bloodGroup`, `medicalHistory`, non-empty `conditions`) sent by a role without clinical access.",
    permission: "patient.register",
    body: ZRegisterPatient,
    status: 201,
  }),
};
