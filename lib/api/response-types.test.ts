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

// The response schemas of the contracts and the services' own types of the same answers cannot drift:
// each type the service returns must be assignable to what its operation's schema documents (checked
// by `tsc --noEmit`; the runtime assertions are no-ops). A service field the schema does not know, or
// a wider type than the schema allows, fails the typecheck.

type Body<O extends { response: z.ZodType }> = z.infer<O["response"]>;
type Listed<F extends (...a: never[]) => Promise<{ items: unknown[] }>> = Awaited<ReturnType<F>>["items"][number];
type Item<O extends { response: z.ZodType }> = Body<O> extends { items: (infer I)[] } ? I : never;

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
});
