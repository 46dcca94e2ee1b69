import { z } from "zod";
import { PAGING, defineOperation, listOf, queryOf, zIso } from "@/lib/server/contract";
import {
  ZAddendum,
  ZConsultationCreate,
  ZConsultationUpdate,
  ZLabAmendment,
  ZLabOrder,
  ZLabResult,
  ZLabTestUpdate,
} from "./schemas";

// The success bodies of its GETs (JSON as sent: dates are ISO strings).
/** A diagnosis of a consultation, in its order (code: ICD-10-CM, null for free text). */
const ZDiagnosis = z.object({ code: z.string().nullable(), description: z.string() });

const getConsultationsByIdResponse = z.object({
  id: z.string(),
  patient: z.object({
    id: z.string(),
    mrn: z.string(),
    name: z.string(),
  }),
  doctor: z.object({
    id: z.string(),
    name: z.string(),
  }),
  appointmentId: z.string().nullable(),
  hpi: z.string().nullable(),
  exam: z.string().nullable(),
  assessment: z.string().nullable(),
  plan: z.string().nullable(),
  treatment: z.string().nullable(),
  nextVisitOn: z.string().nullable(),
  diagnoses: z.array(ZDiagnosis),
  version: z.number().int(),
  createdAt: zIso,
  updatedAt: zIso,
  updatedBy: z.string(),
  signedAt: zIso.nullable(),
  signedBy: z.string().nullable(),
  lockedAt: zIso.nullable(),
  locked: z.boolean(),
  versions: z
    .array(
      z.object({
        version: z.number().int(),
        editedBy: z.string(),
        editedAt: zIso,
        content: z
          .record(z.string(), z.unknown())
          .describe("The draft's fields as they were at that version (free-form JSON: the note's fields then)."),
      }),
    )
    .describe("Earlier drafts, newest first (empty for a patient)."),
  addenda: z.array(z.object({ id: z.string(), author: z.string(), text: z.string(), createdAt: zIso })),
});

const getConsultationsResponse = listOf(
  z.object({
    id: z.string(),
    patientId: z.string(),
    appointmentId: z.string().nullable(),
    doctor: z.object({
      id: z.string(),
      name: z.string(),
    }),
    assessment: z.string().nullable(),
    diagnoses: z.array(ZDiagnosis),
    version: z.number().int(),
    createdAt: zIso,
    updatedAt: zIso,
    signedAt: zIso.nullable(),
    lockedAt: zIso.nullable(),
    locked: z.boolean(),
    patient: z.object({
      id: z.string(),
      mrn: z.string(),
      name: z.string(),
    }),
  }),
);

const getIcd10Response = listOf(
  z.object({
    code: z.string(),
    description: z.string(),
  }),
);

/** What every lab result carries, however it is shown: the value, its reference range and flag. */
const ZLabValue = z.object({
  id: z.string(),
  value: z.number().nullable(),
  valueText: z.string().nullable(),
  unit: z.string().nullable(),
  refLow: z.number().nullable(),
  refHigh: z.number().nullable(),
  flag: z.enum(["NORMAL", "LOW", "HIGH", "ABNORMAL"]),
  resultedAt: zIso,
});

/** A lab result as the API shows it (lib/clinical/queries.ts resultView): who entered it, its review, what it corrected. */
const ZLabResultView = ZLabValue.extend({
  enteredBy: z.string(),
  reviewed: z.object({ at: zIso, by: z.string() }).nullable(),
  amended: z
    .object({
      value: z.number().nullable(),
      valueText: z.string().nullable(),
      flag: z.enum(["NORMAL", "LOW", "HIGH", "ABNORMAL"]),
      resultedAt: zIso,
      by: z.string(),
      reason: z.string(),
    })
    .nullable()
    .describe("The result this one corrected, and why; null for a first result."),
});

/** A lab order with its current result, if any (lib/clinical/queries.ts orderRow). */
const ZLabOrderView = z.object({
  id: z.string(),
  patientId: z.string(),
  status: z.string(),
  notes: z.string().nullable(),
  orderedAt: zIso,
  consultationId: z.string().nullable(),
  test: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    unit: z.string().nullable(),
    refLow: z.number().nullable(),
    refHigh: z.number().nullable(),
  }),
  orderedBy: z.object({
    id: z.string(),
    name: z.string(),
  }),
  result: ZLabResultView.nullable(),
});
const getLabOrdersByIdResultsResponse = ZLabOrderView;

const getLabResultsAwaitingReviewResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      orderId: z.string(),
      test: z.string(),
      value: z.number().nullable(),
      valueText: z.string().nullable(),
      unit: z.string().nullable(),
      refLow: z.number().nullable(),
      refHigh: z.number().nullable(),
      flag: z.enum(["NORMAL", "LOW", "HIGH", "ABNORMAL"]).describe("Never NORMAL here: abnormal results only."),
      amended: z.boolean(),
      resultedAt: zIso,
      patient: z.object({
        id: z.string(),
        mrn: z.string(),
        name: z.string(),
      }),
    }),
  ),
});

const getLabOrdersResponse = listOf(
  ZLabOrderView.extend({
    patient: z.object({
      id: z.string(),
      mrn: z.string(),
      name: z.string(),
    }),
  }),
);

const getLabTestsResponse = listOf(
  z.object({
    id: z.string(),
    code: z.string(),
    loinc: z.string().nullable(),
    name: z.string(),
    specimen: z.string().nullable(),
    unit: z.string().nullable(),
    refLow: z.number().nullable(),
    refHigh: z.number().nullable(),
  }),
);

/** An addendum as written (consultations, vitals and nurse notes): `author` is the writer's name. */
export const ZAddendumWritten = z.object({ id: z.string(), createdAt: zIso, text: z.string(), author: z.string() });

/** A lab result as entered or corrected (the row itself: GET /lab-orders/{id}/results shows it with who and the review). */
const ZLabResultWritten = ZLabValue.extend({
  orderId: z.string(),
  amendsId: z.string().nullable().describe("On a correction: the result it amends."),
  amendReason: z.string().nullable(),
});

/** The lab orders made, one per test. */
const ZLabOrdersCreated = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      patientId: z.string(),
      testId: z.string(),
      status: z.enum(["ORDERED", "RESULTED", "CANCELLED"]),
      orderedAt: zIso,
    }),
  ),
});

/** A lab catalogue entry as an admin edits it (price in minor units; null: not billed). */
const ZLabTestEntry = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  specimen: z.string().nullable(),
  unit: z.string().nullable(),
  refLow: z.number().nullable(),
  refHigh: z.number().nullable(),
  price: z.number().int().nullable(),
  active: z.boolean(),
});

// The clinical operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  postConsultationsByIdAddenda: defineOperation({
    response: ZAddendumWritten,
    errors: [409],
    method: "POST",
    path: "/consultations/{id}/addenda",
    idempotent: true,
    tag: "consultations",
    summary: "`{ text }` on a signed consultation (doctors).",
    permission: "clinical.addendum",
    body: ZAddendum,
    status: 201,
  }),
  getConsultationsById: defineOperation({
    response: getConsultationsByIdResponse,
    method: "GET",
    path: "/consultations/{id}",
    tag: "consultations",
    summary: "One consultation by id.",
    permission: "clinical.read",
  }),
  patchConsultationsById: defineOperation({
    response: getConsultationsByIdResponse,
    errors: [423],
    method: "PATCH",
    path: "/consultations/{id}",
    tag: "consultations",
    summary: "Replaces the notes and diagnoses (author only; `423 RECORD_LOCKED` once the edit window has closed).",
    permission: "clinical.write",
    body: ZConsultationUpdate,
  }),
  postConsultationsByIdSign: defineOperation({
    response: z.object({ id: z.string(), signedAt: zIso, lockedAt: zIso }),
    errors: [409, 423],
    method: "POST",
    path: "/consultations/{id}/sign",
    tag: "consultations",
    summary: "The author signs; edits stay open to them until `lockedAt`.",
    permission: "clinical.write",
  }),
  getConsultations: defineOperation({
    response: getConsultationsResponse,
    method: "GET",
    path: "/consultations",
    tag: "consultations",
    summary:
      "`?patientId=` one patient's consultations (audited); without it a doctor's own. Patients: their own signed ones.",
    permission: "clinical.read",
    query: queryOf([...PAGING, "patientId"]),
    list: true,
  }),
  postConsultations: defineOperation({
    response: getConsultationsByIdResponse,
    errors: [409],
    method: "POST",
    path: "/consultations",
    idempotent: true,
    tag: "consultations",
    summary:
      "`{ appointmentId } | { patientId }` with the notes and diagnoses; `409 DUPLICATE` for a second one per appointment.",
    permission: "clinical.write",
    body: ZConsultationCreate,
    status: 201,
  }),
  getIcd10: defineOperation({
    response: getIcd10Response,
    method: "GET",
    path: "/icd10",
    tag: "icd10",
    summary:
      "`?q=` code prefix or words → `{ items: [{ code, description }] }` (at most 20), for the diagnosis picker.",
    permission: "clinical.read",
    list: true,
    query: queryOf(["q", "page", "pageSize"]),
  }),
  getLabOrdersByIdResults: defineOperation({
    response: getLabOrdersByIdResultsResponse,
    method: "GET",
    path: "/lab-orders/{id}/results",
    tag: "lab-orders",
    summary: "The order with its result, if any (audited; patients: their own).",
    permission: "clinical.read",
  }),
  postLabOrdersByIdResults: defineOperation({
    response: ZLabResultWritten,
    errors: [409],
    method: "POST",
    path: "/lab-orders/{id}/results",
    idempotent: true,
    tag: "lab-orders",
    summary:
      "`{ value | valueText, unit?, refLow?, refHigh?, flag? }`: unit and range default from the catalogue, the flag is computed (qualitative: chosen).",
    permission: "lab.result",
    body: ZLabResult,
    status: 201,
  }),
  postLabResultsByIdAmendments: defineOperation({
    response: ZLabResultWritten,
    errors: [409],
    method: "POST",
    path: "/lab-results/{id}/amendments",
    idempotent: true,
    tag: "lab-orders",
    summary:
      "`{ value | valueText, flag?, reason }`: a corrected result amending this one, which is kept (409 if already corrected).",
    permission: "lab.result",
    body: ZLabAmendment,
    status: 201,
  }),
  postLabResultsByIdReview: defineOperation({
    response: z.object({
      id: z.string(),
      reviewedAt: zIso,
      reviewedBy: z.object({ id: z.string(), name: z.string() }),
    }),
    errors: [409],
    method: "POST",
    path: "/lab-results/{id}/review",
    tag: "lab-orders",
    summary: "No body: marks the result reviewed by the caller, now (409 if already reviewed or corrected since).",
    permission: "lab.review",
  }),
  getLabResultsAwaitingReview: defineOperation({
    response: getLabResultsAwaitingReviewResponse,
    method: "GET",
    path: "/lab-results/awaiting-review",
    tag: "lab-orders",
    summary:
      "Abnormal results of the caller's orders not yet reviewed, oldest first (one audit row per patient shown).",
    permission: "lab.review",
  }),
  getLabOrders: defineOperation({
    response: getLabOrdersResponse,
    method: "GET",
    path: "/lab-orders",
    tag: "lab-orders",
    summary:
      "`?patientId=&status=ORDERED|RESULTED|CANCELLED`; `status=ORDERED` alone is the lab's worklist, oldest first.",
    permission: "clinical.read",
    query: queryOf([...PAGING, "status", "patientId"]),
    list: true,
  }),
  postLabOrders: defineOperation({
    response: ZLabOrdersCreated,
    method: "POST",
    path: "/lab-orders",
    idempotent: true,
    tag: "lab-orders",
    summary:
      "`{ patientId, testIds: [...], consultationId?, notes? }` → 201 `{ items: [order, …] }`, one order per test.",
    permission: "clinical.write",
    body: ZLabOrder,
    status: 201,
  }),
  getLabTests: defineOperation({
    response: getLabTestsResponse,
    list: true,
    query: queryOf(["page", "pageSize"]),
    method: "GET",
    path: "/lab-tests",
    tag: "lab-orders",
    summary: "The lab catalogue: code, LOINC, unit and adult reference range of each active test.",
    permission: "clinical.read",
  }),
  patchLabTestsById: defineOperation({
    response: ZLabTestEntry,
    method: "PATCH",
    path: "/lab-tests/{id}",
    tag: "lab-orders",
    summary:
      "`{ name?, specimen?, unit?, refLow?, refHigh?, price?, active? }` (price in minor units; null clears): an audited edit of a catalogue entry, admins only. The code and LOINC stay.",
    permission: "lab.catalogue",
    body: ZLabTestUpdate,
  }),
};
