"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ZLabAmendment, ZLabOrder, ZLabResult } from "@/lib/clinical/schemas";
import { amendLabResult, enterLabResult, orderLabTests, reviewLabResult } from "@/lib/clinical/service";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

export const orderLabTestsAction = defineAction(
  { permission: "clinical.write", schema: ZLabOrder },
  async (ctx, input) => {
    const orders = await orderLabTests(db(), ctx, input);
    revalidatePath(`/patients/${input.patientId}`, "layout");
    revalidatePath("/lab");
    return { count: orders.length };
  },
);

export const enterLabResultAction = defineAction(
  { permission: "lab.result", schema: ZLabResult.and(z.object({ orderId: z.string().min(1) })) },
  async (ctx, { orderId, ...input }) => {
    const r = await enterLabResult(db(), ctx, orderId, input);
    revalidatePath("/lab");
    return { id: r.id, flag: r.flag };
  },
);

export const amendLabResultAction = defineAction(
  { permission: "lab.result", schema: ZLabAmendment.and(z.object({ resultId: z.string().min(1) })) },
  async (ctx, { resultId, ...input }) => {
    const r = await amendLabResult(db(), ctx, resultId, input);
    revalidatePath("/patients/[id]", "page");
    revalidatePath("/dashboard");
    return { id: r.id, flag: r.flag };
  },
);

export const reviewLabResultAction = defineAction(
  { permission: "lab.review", schema: z.object({ resultId: z.string().min(1).max(64) }) },
  async (ctx, { resultId }) => {
    const r = await reviewLabResult(db(), ctx, resultId);
    revalidatePath("/dashboard");
    return r;
  },
);
