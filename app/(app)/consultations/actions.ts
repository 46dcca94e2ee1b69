"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ZAddendum, ZConsultationContent, ZConsultationCreate } from "@/lib/clinical/schemas";
import {
  addConsultationAddendum,
  createConsultation,
  signConsultation,
  updateConsultation,
} from "@/lib/clinical/service";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

const ZId = z.object({ id: z.string().min(1) });

export const createConsultationAction = defineAction(
  { permission: "clinical.write", schema: ZConsultationCreate },
  async (ctx, input) => {
    const { id, patientId } = await createConsultation(db(), ctx, input);
    revalidatePath(`/patients/${patientId}`, "layout");
    return { id };
  },
);

export const updateConsultationAction = defineAction(
  { permission: "clinical.write", schema: ZConsultationContent.extend(ZId.shape) },
  async (ctx, { id, ...input }) => {
    await updateConsultation(db(), ctx, id, input);
    revalidatePath(`/consultations/${id}`);
    return { id };
  },
);

export const signConsultationAction = defineAction(
  { permission: "clinical.write", schema: ZId },
  async (ctx, { id }) => {
    const signed = await signConsultation(db(), ctx, id);
    revalidatePath(`/consultations/${id}`);
    return signed;
  },
);

export const consultationAddendumAction = defineAction(
  { permission: "clinical.addendum", schema: ZAddendum.extend(ZId.shape) },
  async (ctx, { id, text }) => {
    const a = await addConsultationAddendum(db(), ctx, id, text);
    revalidatePath(`/consultations/${id}`);
    return a;
  },
);
