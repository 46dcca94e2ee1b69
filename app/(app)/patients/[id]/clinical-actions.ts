"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ZAddendum, ZNews2Flags, ZNurseNote, ZVitals } from "@/lib/clinical/schemas";
import {
  addRecordAddendum,
  createNurseNote,
  recordVitals,
  setNews2Flags,
  updateNurseNote,
  updateVitals,
} from "@/lib/clinical/service";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

const ZPatient = z.object({ patientId: z.string().min(1) });

/** A doctor's NEWS2 flags on the patient (pregnancy; SpO2 scale 2). */
export const news2FlagsAction = defineAction(
  {
    permission: "clinical.write",
    schema: z.object({ patientId: z.string().min(1), pregnant: z.boolean(), spo2Scale2: z.boolean() }),
  },
  async (ctx, { patientId, ...input }) => {
    await setNews2Flags(db(), ctx, patientId, ZNews2Flags.parse(input));
    revalidatePath(`/patients/${patientId}`, "layout");
    return { id: patientId };
  },
);

export const recordVitalsAction = defineAction(
  { permission: "vitals.write", schema: ZVitals.and(ZPatient) },
  async (ctx, { patientId, ...input }) => {
    const { id } = await recordVitals(db(), ctx, patientId, input);
    revalidatePath(`/patients/${patientId}`, "layout");
    return { id };
  },
);

export const addNurseNoteAction = defineAction(
  { permission: "vitals.write", schema: ZNurseNote.extend(ZPatient.shape) },
  async (ctx, { patientId, ...input }) => {
    const { id } = await createNurseNote(db(), ctx, patientId, input);
    revalidatePath(`/patients/${patientId}`, "layout");
    return { id };
  },
);

/** The author's correction of a nurse note within its window (then RECORD_LOCKED). */
export const updateNurseNoteAction = defineAction(
  { permission: "vitals.write", schema: ZNurseNote.extend(ZPatient.shape).extend({ noteId: z.string().min(1) }) },
  async (ctx, { patientId, noteId, ...input }) => {
    await updateNurseNote(db(), ctx, patientId, noteId, input);
    revalidatePath(`/patients/${patientId}`, "layout");
    return { id: noteId };
  },
);

export const nurseNoteAddendumAction = defineAction(
  { permission: "clinical.addendum", schema: ZAddendum.extend(ZPatient.shape).extend({ noteId: z.string().min(1) }) },
  async (ctx, { patientId, noteId, text }) => {
    const a = await addRecordAddendum(db(), ctx, patientId, { nurseNoteId: noteId }, text);
    revalidatePath(`/patients/${patientId}`, "layout");
    return a;
  },
);

/** The author's correction of a vitals entry within its window (the full set again). */
export const updateVitalsAction = defineAction(
  { permission: "vitals.write", schema: ZVitals.and(ZPatient).and(z.object({ vitalId: z.string().min(1) })) },
  async (ctx, { patientId, vitalId, ...input }) => {
    await updateVitals(db(), ctx, patientId, vitalId, input);
    revalidatePath(`/patients/${patientId}`, "layout");
    return { id: vitalId };
  },
);

export const vitalsAddendumAction = defineAction(
  { permission: "clinical.addendum", schema: ZAddendum.extend(ZPatient.shape).extend({ vitalId: z.string().min(1) }) },
  async (ctx, { patientId, vitalId, text }) => {
    const a = await addRecordAddendum(db(), ctx, patientId, { vitalSignId: vitalId }, text);
    revalidatePath(`/patients/${patientId}`, "layout");
    return a;
  },
);
