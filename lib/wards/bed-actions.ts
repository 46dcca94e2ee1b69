"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { patientAllergies } from "@/lib/patients/banner";
import { bedHistory, freeBeds } from "@/lib/wards/queries";
import { ZBedStateAction, ZDischargeAction, ZTransferAction } from "@/lib/wards/schemas";
import { admitPatient, dischargePatient, transferPatient, updateBed } from "@/lib/wards/service";
import { ops as wardsOps } from "@/lib/wards/contract";

const refresh = (admissionId?: string) => {
  revalidatePath("/beds");
  if (admissionId) revalidatePath(`/admissions/${admissionId}`);
};

export const admitAction = defineAction(
  { permission: wardsOps.postAdmissions.permission, schema: wardsOps.postAdmissions.body },
  async (ctx, input) => {
    const { id } = await admitPatient(db(), ctx, input);
    refresh(id);
    return { id };
  },
);

export const transferAction = defineAction(
  { permission: "admission.manage", schema: ZTransferAction },
  async (ctx, { admissionId, bedId }) => {
    await transferPatient(db(), ctx, admissionId, bedId);
    refresh(admissionId);
    return { id: admissionId };
  },
);

export const dischargeAction = defineAction(
  { permission: "admission.manage", schema: ZDischargeAction },
  async (ctx, { admissionId, summary }) => {
    await dischargePatient(db(), ctx, admissionId, summary);
    refresh(admissionId);
    return { id: admissionId };
  },
);

/** Mark clean (→ FREE), out of service, or back in service. */
export const bedStateAction = defineAction(
  { permission: "bed.state", schema: ZBedStateAction },
  async (ctx, { bedId, state }) => {
    await updateBed(db(), ctx, bedId, { state });
    refresh();
    return { id: bedId };
  },
);

/** The bed panel's history: who lay in the bed and when (names and MRNs only). */
export const bedHistoryAction = defineAction(
  { permission: "ward.read", schema: z.object({ bedId: z.string().min(1) }) },
  async (_ctx, { bedId }) => bedHistory(db(), bedId),
);

/** The transfer picker's free beds, one ward at a time (the ward chosen in the bed panel). */
export const freeBedsAction = defineAction(
  { permission: "admission.manage", schema: z.object({ wardId: z.string().min(1) }) },
  async (_ctx, { wardId }) => freeBeds(db(), wardId),
);

/** The admit dialog's safety context: the chosen patient's allergies (the record opened in scope, one audited VIEW). */
export const admitAllergiesAction = defineAction(
  { permission: "admission.manage", schema: z.object({ patientId: z.string().min(1) }) },
  async (ctx, { patientId }) => patientAllergies(db(), ctx, patientId, { need: "admission.manage", view: "admit" }),
);
