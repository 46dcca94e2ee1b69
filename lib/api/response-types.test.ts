import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { AuditRow } from "@/lib/audit/queries";
import type { InvoiceDetail } from "@/lib/billing/queries";
import type {
  ConsultationDetail,
  LabOrderRow,
  listConsultations,
  listLabOrders,
  VitalRow,
} from "@/lib/clinical/queries";
import type { getAccount } from "@/lib/accounts/language";
import type { PrescriptionDetail } from "@/lib/prescriptions/queries";
import type { readDuplicatePairs } from "@/lib/patients/duplicates";
import type { LinkRequestRow } from "@/lib/patients/link-requests";
import type { PatientRecord } from "@/lib/patients/queries";
import type { Aggregates } from "@/lib/reports/public-health";
import type { Availability } from "@/lib/scheduling/queries";
import type { DoctorRow, StaffDetail } from "@/lib/staff/queries";
import type { AdmissionView } from "@/lib/wards/queries";
import type { ops as accounts } from "@/lib/accounts/contract";
import type { ops as audit } from "@/lib/audit/contract";
import type { ops as prescriptions } from "@/lib/prescriptions/contract";
import type { ops as billing } from "@/lib/billing/contract";
import type { ops as clinical } from "@/lib/clinical/contract";
import type { ops as patients } from "@/lib/patients/contract";
import type { ops as reports } from "@/lib/reports/contract";
import type { ops as scheduling } from "@/lib/scheduling/contract";
import type { ops as staff } from "@/lib/staff/contract";
import type { ops as wards } from "@/lib/wards/contract";
import type { ops as departments } from "@/lib/departments/contract";
import type { ops as pharmacy } from "@/lib/pharmacy/contract";
import type { ops as tokens } from "@/lib/tokens/contract";
import type { ops as triage } from "@/lib/triage/contract";
import type { setLanguage } from "@/lib/accounts/language";
import type { createInvoice, refundPayment, takePayment } from "@/lib/billing/service";
import type {
  addConsultationAddendum,
  addRecordAddendum,
  amendLabResult,
  createNurseNote,
  enterLabResult,
  orderLabTests,
  recordVitals,
  reviewLabResult,
  setNews2Flags,
  signConsultation,
  updateNurseNote,
  updateVitals,
} from "@/lib/clinical/service";
import type { updateLabTest } from "@/lib/clinical/lab-tests";
import type { DepartmentRow } from "@/lib/departments/queries";
import type { mergePatients, undoMerge } from "@/lib/patients/merge";
import type { registerPatient } from "@/lib/patients/service";
import type { resolveLinkRequest } from "@/lib/patients/link-requests";
import type { DrugStock } from "@/lib/pharmacy/queries";
import type {
  acknowledgeOverride,
  adjustBatch,
  createDrug,
  dispensePrescription,
  receiveBatch,
} from "@/lib/pharmacy/service";
import type { ReportResult } from "@/lib/reportbuilder/service";
import type { revokeToken } from "@/lib/tokens/service";
import type { TriageResult } from "@/lib/triage/service";
import type { labCatalogue } from "@/lib/clinical/queries";
import type { resultsAwaitingReview } from "@/lib/clinical/worklists";
import type { searchPatients } from "@/lib/patients/queries";
import type { listBeds, listRooms, listWards } from "@/lib/wards/queries";
import type { listDrugs } from "@/lib/pharmacy/queries";
import type { listStaff } from "@/lib/staff/queries";
import type { listInvoices, listPayments } from "@/lib/billing/queries";
import type { listPrescriptions } from "@/lib/prescriptions/queries";
import type { listNurseNotes } from "@/lib/clinical/queries";
import type { listAppointments } from "@/lib/scheduling/queries";
import type { createBed, createRoom, createWard, updateBed, updateRoom, updateWard } from "@/lib/wards/service";

// The response schemas of the contracts and the services' own types of the same answers cannot drift:
// each type the service returns must be assignable to what its operation's schema documents (checked
// by `tsc --noEmit`; the runtime assertions are no-ops). A service field the schema does not know, or
// a wider type than the schema allows, fails the typecheck.

type Body<O extends { response: z.ZodType }> = z.infer<O["response"]>;
type Listed<F extends (...a: never[]) => Promise<{ items: unknown[] }>> = Awaited<ReturnType<F>>["items"][number];
type Item<O extends { response: z.ZodType }> = Body<O> extends { items: (infer I)[] } ? I : never;
/** What a service returns, as its JSON answer carries it (a Date is sent as its ISO string). */
type AsJson<T> = T extends Date
  ? string
  : T extends (infer E)[]
    ? AsJson<E>[]
    : T extends object
      ? { [K in keyof T]: AsJson<T[K]> }
      : T;
/** The JSON answer of a write service. */
type Wrote<F extends (...a: never[]) => Promise<unknown>> = AsJson<Awaited<ReturnType<F>>>;

describe("response schemas match the services' types", () => {
  it("typechecks", () => {
    expectTypeOf<PatientRecord>().toExtend<Body<typeof patients.getPatientsById>>();
    expectTypeOf<PatientRecord>().toExtend<Body<typeof patients.getPatientsMe>>();
    expectTypeOf<VitalRow>().toExtend<Item<typeof patients.getPatientsByIdVitals>>();
    expectTypeOf<Listed<typeof readDuplicatePairs>>().toExtend<Item<typeof patients.getPatientsDuplicates>>();
    expectTypeOf<LinkRequestRow>().toExtend<Item<typeof patients.getPatientsLinkRequests>>();
    expectTypeOf<ConsultationDetail>().toExtend<Body<typeof clinical.getConsultationsById>>();
    expectTypeOf<Listed<typeof listConsultations>>().toExtend<Item<typeof clinical.getConsultations>>();
    expectTypeOf<Listed<typeof listLabOrders>>().toExtend<Item<typeof clinical.getLabOrders>>();
    expectTypeOf<Awaited<ReturnType<typeof getAccount>>>().toExtend<Body<typeof accounts.getAccount>>();
    expectTypeOf<LabOrderRow>().toExtend<Body<typeof clinical.getLabOrdersByIdResults>>();
    expectTypeOf<AdmissionView>().toExtend<Body<typeof wards.getAdmissionsById>>();
    expectTypeOf<AdmissionView>().toExtend<Item<typeof wards.getAdmissions>>();
    expectTypeOf<StaffDetail>().toExtend<Body<typeof staff.getStaffById>>();
    expectTypeOf<Availability>().toExtend<Body<typeof scheduling.getDoctorsByIdAvailability>>();
    expectTypeOf<PrescriptionDetail>().toExtend<Body<typeof prescriptions.getPrescriptionsById>>();
    expectTypeOf<InvoiceDetail>().toExtend<Body<typeof billing.getInvoicesById>>();
    expectTypeOf<DoctorRow>().toExtend<Item<typeof scheduling.getDoctors>>();
    expectTypeOf<Aggregates>().toExtend<Body<typeof reports.getPublicHealthAggregates>>();
    expectTypeOf<Omit<AuditRow, "action">>().toExtend<Omit<Item<typeof audit.getAudit>, "action">>();
  });

  it("typechecks the lists whose items the service returns as sent", () => {
    expectTypeOf<Wrote<typeof labCatalogue>[number]>().toExtend<Item<typeof clinical.getLabTests>>();
    expectTypeOf<Wrote<typeof resultsAwaitingReview>[number]>().toExtend<
      Item<typeof clinical.getLabResultsAwaitingReview>
    >();
    expectTypeOf<AsJson<Listed<typeof searchPatients>>>().toExtend<Item<typeof patients.getPatients>>();
    expectTypeOf<AsJson<Listed<typeof listRooms>>>().toExtend<Item<typeof wards.getRooms>>();
    expectTypeOf<AsJson<Listed<typeof listWards>>>().toExtend<Item<typeof wards.getWards>>();
    expectTypeOf<AsJson<Listed<typeof listBeds>>>().toExtend<Item<typeof wards.getBeds>>();
    expectTypeOf<AsJson<Listed<typeof listDrugs>>>().toExtend<Item<typeof pharmacy.getDrugs>>();
    expectTypeOf<AsJson<Listed<typeof listStaff>>>().toExtend<Item<typeof staff.getStaff>>();
    expectTypeOf<AsJson<Listed<typeof listInvoices>>>().toExtend<Item<typeof billing.getInvoices>>();
    expectTypeOf<AsJson<Listed<typeof listPayments>>>().toExtend<Item<typeof billing.getPayments>>();
    expectTypeOf<AsJson<Listed<typeof listPrescriptions>>>().toExtend<Item<typeof prescriptions.getPrescriptions>>();
    expectTypeOf<AsJson<Listed<typeof listNurseNotes>>>().toExtend<Item<typeof patients.getPatientsByIdNurseNotes>>();
    expectTypeOf<AsJson<Listed<typeof listAppointments>>>().toExtend<Item<typeof scheduling.getAppointments>>();
  });

  it("typechecks the writes that answer what their service returns", () => {
    expectTypeOf<Wrote<typeof setLanguage>>().toExtend<Body<typeof accounts.patchAccount>>();
    expectTypeOf<Wrote<typeof createInvoice>>().toExtend<Body<typeof billing.postInvoices>>();
    expectTypeOf<Wrote<typeof takePayment>>().toExtend<Body<typeof billing.postPayments>>();
    expectTypeOf<Wrote<typeof refundPayment>>().toExtend<Body<typeof billing.postPaymentsByIdRefund>>();
    expectTypeOf<Wrote<typeof signConsultation>>().toExtend<Body<typeof clinical.postConsultationsByIdSign>>();
    expectTypeOf<Wrote<typeof addConsultationAddendum>>().toExtend<
      Body<typeof clinical.postConsultationsByIdAddenda>
    >();
    expectTypeOf<Wrote<typeof enterLabResult>>().toExtend<Body<typeof clinical.postLabOrdersByIdResults>>();
    expectTypeOf<Wrote<typeof amendLabResult>>().toExtend<Body<typeof clinical.postLabResultsByIdAmendments>>();
    expectTypeOf<Wrote<typeof reviewLabResult>>().toExtend<Body<typeof clinical.postLabResultsByIdReview>>();
    expectTypeOf<{ items: Wrote<typeof orderLabTests> }>().toExtend<Body<typeof clinical.postLabOrders>>();
    expectTypeOf<Wrote<typeof updateLabTest>>().toExtend<Body<typeof clinical.patchLabTestsById>>();
    expectTypeOf<DepartmentRow>().toExtend<Body<typeof departments.postDepartments>>();
    expectTypeOf<DepartmentRow>().toExtend<Body<typeof departments.patchDepartmentsById>>();
    expectTypeOf<DepartmentRow>().toExtend<Body<typeof departments.getDepartmentsById>>();
    expectTypeOf<Wrote<typeof createNurseNote>>().toExtend<Body<typeof patients.postPatientsByIdNurseNotes>>();
    expectTypeOf<Wrote<typeof updateNurseNote>>().toExtend<Body<typeof patients.patchPatientsByIdNurseNotesByNoteId>>();
    expectTypeOf<Wrote<typeof addRecordAddendum>>().toExtend<
      Body<typeof patients.postPatientsByIdNurseNotesByNoteIdAddenda>
    >();
    expectTypeOf<Wrote<typeof addRecordAddendum>>().toExtend<
      Body<typeof patients.postPatientsByIdVitalsByVitalIdAddenda>
    >();
    expectTypeOf<Wrote<typeof updateVitals>>().toExtend<Body<typeof patients.patchPatientsByIdVitalsByVitalId>>();
    expectTypeOf<Wrote<typeof recordVitals>>().toExtend<Body<typeof patients.postPatientsByIdVitals>>();
    expectTypeOf<Wrote<typeof setNews2Flags>>().toExtend<Body<typeof patients.putPatientsByIdNews2Flags>>();
    expectTypeOf<Wrote<typeof mergePatients>>().toExtend<Body<typeof patients.postPatientsByIdMerge>>();
    expectTypeOf<Wrote<typeof undoMerge>>().toExtend<Body<typeof patients.postPatientsByIdMergeUndo>>();
    expectTypeOf<Wrote<typeof resolveLinkRequest>>().toExtend<
      Body<typeof patients.postPatientsLinkRequestsByIdResolve>
    >();
    expectTypeOf<Wrote<typeof registerPatient>>().toExtend<Body<typeof patients.postPatients>>();
    expectTypeOf<Wrote<typeof createDrug>>().toExtend<Body<typeof pharmacy.postDrugs>>();
    expectTypeOf<Omit<DrugStock, "batches">>().toExtend<Body<typeof pharmacy.patchDrugsById>>();
    expectTypeOf<Omit<DrugStock, "batches">>().toExtend<Body<typeof pharmacy.getDrugsById>>();
    expectTypeOf<Wrote<typeof receiveBatch>>().toExtend<Body<typeof pharmacy.postDrugsByIdStock>>();
    expectTypeOf<Wrote<typeof adjustBatch>>().toExtend<Body<typeof pharmacy.postDrugsByIdStock>>();
    // The route sets the status from `created` (201 or 200) and sends the rest.
    expectTypeOf<Omit<Wrote<typeof acknowledgeOverride>, "created">>().toExtend<
      Body<typeof prescriptions.postPrescriptionsByIdOverrideAcknowledgement>
    >();
    // The status after a dispense is one of two (the service types it as any prescription status).
    expectTypeOf<Omit<Wrote<typeof dispensePrescription>, "status">>().toExtend<
      Omit<Body<typeof prescriptions.postPrescriptionsByIdDispense>, "status">
    >();
    expectTypeOf<PrescriptionDetail>().toExtend<Body<typeof prescriptions.postPrescriptions>>();
    expectTypeOf<PrescriptionDetail>().toExtend<Body<typeof prescriptions.postPrescriptionsByIdRevoke>>();
    expectTypeOf<ReportResult>().toExtend<Body<typeof reports.postReportsBuilder>>();
    expectTypeOf<Availability>().toExtend<Body<typeof scheduling.putDoctorsByIdAvailability>>();
    expectTypeOf<StaffDetail>().toExtend<Body<typeof staff.postStaff>>();
    expectTypeOf<StaffDetail>().toExtend<Body<typeof staff.patchStaffById>>();
    expectTypeOf<Wrote<typeof revokeToken>>().toExtend<Body<typeof tokens.deleteTokensById>>();
    expectTypeOf<TriageResult>().toExtend<Body<typeof triage.postTriage>>();
    expectTypeOf<Wrote<typeof createWard>>().toExtend<Body<typeof wards.postWards>>();
    expectTypeOf<Wrote<typeof updateWard>>().toExtend<Body<typeof wards.patchWardsById>>();
    expectTypeOf<Wrote<typeof createRoom>>().toExtend<Body<typeof wards.postRooms>>();
    expectTypeOf<Wrote<typeof updateRoom>>().toExtend<Body<typeof wards.patchRoomsById>>();
    expectTypeOf<Wrote<typeof createBed>>().toExtend<Body<typeof wards.postBeds>>();
    expectTypeOf<Wrote<typeof updateBed>>().toExtend<Body<typeof wards.patchBedsById>>();
  });
});
