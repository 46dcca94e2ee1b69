"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ZAdjustBatch, ZDispense, ZDrugEdit, ZReceiveBatch } from "@/lib/pharmacy/schemas";
import {
  acknowledgeOverride,
  adjustBatch,
  createDrug,
  dispensePrescription,
  receiveBatch,
  updateDrug,
} from "@/lib/pharmacy/service";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { ops as pharmacyOps } from "@/lib/pharmacy/contract";

const ZDrugId = { drugId: z.string().min(1) };

function revalidateStock(drugId: string) {
  revalidatePath("/pharmacy");
  revalidatePath("/pharmacy/drugs");
  revalidatePath(`/pharmacy/drugs/${drugId}`);
}

export const createDrugAction = defineAction(
  { permission: pharmacyOps.postDrugs.permission, schema: pharmacyOps.postDrugs.body },
  async (ctx, input) => {
    const drug = await createDrug(db(), ctx, input);
    revalidateStock(drug.id);
    return { id: drug.id };
  },
);

export const updateDrugAction = defineAction(
  { permission: "pharmacy.stock", schema: ZDrugEdit },
  async (ctx, { id, ...input }) => {
    await updateDrug(db(), ctx, id, input);
    revalidateStock(id);
    return { id };
  },
);

export const receiveBatchAction = defineAction(
  { permission: "pharmacy.stock", schema: ZReceiveBatch.extend(ZDrugId) },
  async (ctx, { drugId, ...input }) => {
    const batch = await receiveBatch(db(), ctx, drugId, input);
    revalidateStock(drugId);
    return { id: batch.id };
  },
);

export const adjustBatchAction = defineAction(
  { permission: "pharmacy.stock", schema: ZAdjustBatch.extend(ZDrugId) },
  async (ctx, { drugId, ...input }) => {
    const batch = await adjustBatch(db(), ctx, drugId, input);
    revalidateStock(drugId);
    return { id: batch.id, quantity: batch.quantity };
  },
);

export const dispenseAction = defineAction(
  { permission: "pharmacy.dispense", schema: ZDispense.extend({ prescriptionId: z.string().min(1) }) },
  async (ctx, { prescriptionId, ...input }) => {
    const result = await dispensePrescription(db(), ctx, prescriptionId, input);
    revalidatePath("/pharmacy");
    revalidatePath(`/pharmacy/prescriptions/${prescriptionId}`);
    return { status: result.status };
  },
);

export const acknowledgeOverrideAction = defineAction(
  { permission: "pharmacy.dispense", schema: z.object({ prescriptionId: z.string().min(1) }) },
  async (ctx, { prescriptionId }) => {
    const ack = await acknowledgeOverride(db(), ctx, prescriptionId);
    revalidatePath("/pharmacy");
    revalidatePath(`/pharmacy/prescriptions/${prescriptionId}`);
    return { acknowledgedAt: ack.acknowledgedAt };
  },
);
