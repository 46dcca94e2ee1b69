import { z } from "zod";
import { apiRoute, created, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { getDrugStock } from "@/lib/pharmacy/queries";
import { stockChangeSchema, ZAdjustBatch, ZReceiveBatch } from "@/lib/pharmacy/schemas";
import { adjustBatch, receiveBatch } from "@/lib/pharmacy/service";
import { ops } from "@/lib/pharmacy/contract";

/** `{ onHand, reorderLevel, lowStock, batches: [{ id, lot, expiresOn, quantity, receivedAt, expired }] }`. */
export const GET = apiRoute(ops.getDrugsByIdStock, async ({ params }) => {
  const s = await getDrugStock(db(), params.id);
  return { drugId: s.id, onHand: s.onHand, reorderLevel: s.reorderLevel, lowStock: s.lowStock, batches: s.batches };
});

/**
 * `{ lot, expiresOn, quantity }` receives a batch (201); `{ batchId, delta, reason }` adjusts one
 * (200). A batch never goes below zero (400 VALIDATION_FAILED on `delta`).
 */
export const POST = apiRoute(ops.postDrugsByIdStock, async ({ req, ctx, params }) => {
  const body = await readJson(req, z.unknown());
  const schema = stockChangeSchema(body);
  if (schema === ZAdjustBatch) return adjustBatch(db(), ctx, params.id, parseInput(ZAdjustBatch, body));
  return created(await receiveBatch(db(), ctx, params.id, parseInput(ZReceiveBatch, body)));
});
