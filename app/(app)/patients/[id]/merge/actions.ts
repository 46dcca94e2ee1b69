"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { mergePatients, undoMerge } from "@/lib/patients/merge";
import { ZMerge, ZMergeUndo } from "@/lib/patients/schemas";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

const ZId = z.string().trim().min(1).max(100);

export const mergePatientsAction = defineAction(
  { permission: "patient.merge", schema: ZMerge.extend({ id: ZId }) },
  async (ctx, { id, duplicateId }) => {
    const r = await mergePatients(db(), ctx, id, duplicateId);
    revalidatePath(`/patients/${id}`, "layout");
    revalidatePath(`/patients/${duplicateId}`, "layout");
    revalidatePath("/patients");
    return { mergeId: r.merged ? r.mergeId : null };
  },
);

export const undoMergeAction = defineAction(
  { permission: "patient.merge.undo", schema: ZMergeUndo.extend({ id: ZId }) },
  async (ctx, { id, mergeId }) => {
    const r = await undoMerge(db(), ctx, id, mergeId);
    revalidatePath(`/patients/${id}`, "layout");
    revalidatePath(`/patients/${r.duplicateId}`, "layout");
    revalidatePath("/patients");
    return { duplicateId: r.duplicateId };
  },
);
