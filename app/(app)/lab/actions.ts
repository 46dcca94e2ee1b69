"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ZLabOrder, ZLabResult } from "@/lib/clinical/schemas";
import { enterLabResult, orderLabTests } from "@/lib/clinical/service";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

export const orderLabTestsAction = defineAction({ permission: "clinical.write", schema: ZLabOrder }, async (ctx, input) => {
  const orders = await orderLabTests(db(), ctx, input);
  revalidatePath(`/patients/${input.patientId}`, "layout");
  revalidatePath("/lab");
  return { count: orders.length };
});

export const enterLabResultAction = defineAction({ permission: "lab.result", schema: ZLabResult.and(z.object({ orderId: z.string().min(1) })) }, async (ctx, { orderId, ...input }) => {
  const r = await enterLabResult(db(), ctx, orderId, input);
  revalidatePath("/lab");
  return { id: r.id, flag: r.flag };
});
