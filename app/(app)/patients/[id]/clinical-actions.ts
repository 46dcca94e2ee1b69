"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ZNurseNote, ZVitals } from "@/lib/clinical/schemas";
import { createNurseNote, recordVitals } from "@/lib/clinical/service";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

const ZPatient = z.object({ patientId: z.string().min(1) });

export const recordVitalsAction = defineAction({ permission: "vitals.write", schema: ZVitals.and(ZPatient) }, async (ctx, { patientId, ...input }) => {
  const { id } = await recordVitals(db(), ctx, patientId, input);
  revalidatePath(`/patients/${patientId}`);
  return { id };
});

export const addNurseNoteAction = defineAction({ permission: "vitals.write", schema: ZNurseNote.extend(ZPatient.shape) }, async (ctx, { patientId, ...input }) => {
  const { id } = await createNurseNote(db(), ctx, patientId, input);
  revalidatePath(`/patients/${patientId}`);
  return { id };
});
