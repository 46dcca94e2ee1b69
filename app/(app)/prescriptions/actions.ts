"use server";

import { revalidatePath } from "next/cache";
import { localizedRefusal } from "@/lib/prescriptions/findings";
import { searchDrugs } from "@/lib/prescriptions/queries";
import { ZDrugLookup, ZRevokeAction } from "@/lib/prescriptions/schemas";
import { prescribe, revokePrescription } from "@/lib/prescriptions/service";
import { defineAction } from "@/lib/server/action";
import { callerLocale } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops as prescriptionsOps } from "@/lib/prescriptions/contract";

export const prescribeAction = defineAction(
  { permission: prescriptionsOps.postPrescriptions.permission, schema: prescriptionsOps.postPrescriptions.body },
  async (ctx, input) => {
    const { id } = await prescribe(db(), ctx, input).catch(async (err: unknown) => {
      throw localizedRefusal(err, await callerLocale());
    });
    revalidatePath("/prescriptions");
    revalidatePath(`/patients/${input.patientId}`, "layout");
    return { id };
  },
);

export const revokePrescriptionAction = defineAction(
  { permission: "prescription.write", schema: ZRevokeAction },
  async (ctx, { id, reason }) => {
    await revokePrescription(db(), ctx, id, reason);
    revalidatePath("/prescriptions");
    revalidatePath(`/prescriptions/${id}`);
    return { id };
  },
);

/** The prescribing form's drug picker: active catalogue drugs by generic or brand name. */
export const searchDrugsAction = defineAction(
  { permission: "prescription.write", schema: ZDrugLookup },
  async (_ctx, { q }) => searchDrugs(db(), q),
);
