"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ZDeactivatePatient, ZUpdateOwnContact, ZUpdatePatient } from "@/lib/patients/schemas";
import { deactivatePatient, registerPatient, updateOwnContact, updatePatient } from "@/lib/patients/service";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { ops as patientsOps } from "@/lib/patients/contract";

export const registerPatientAction = defineAction(
  { permission: patientsOps.postPatients.permission, schema: patientsOps.postPatients.body },
  async (ctx, input) => {
    const p = await registerPatient(db(), ctx, input);
    revalidatePath("/patients");
    return { id: p.id };
  },
);

export const updatePatientAction = defineAction(
  { permission: "patient.register", schema: ZUpdatePatient.extend({ id: z.string().min(1) }) },
  async (ctx, { id, ...input }) => {
    await updatePatient(db(), ctx, id, input);
    revalidatePath(`/patients/${id}`, "layout");
    return { id };
  },
);

export const deactivatePatientAction = defineAction(
  { permission: "patient.deactivate", schema: ZDeactivatePatient.extend({ id: z.string().min(1) }) },
  async (ctx, { id, reason }) => {
    await deactivatePatient(db(), ctx, id, reason);
    revalidatePath(`/patients/${id}`, "layout");
    return { id };
  },
);

export const updateOwnContactAction = defineAction(
  { permission: "patient.self", schema: ZUpdateOwnContact },
  async (ctx, input) => {
    const r = await updateOwnContact(db(), ctx, input);
    revalidatePath("/me/profile");
    return r;
  },
);
