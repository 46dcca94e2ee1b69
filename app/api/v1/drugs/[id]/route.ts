import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getDrugStock } from "@/lib/pharmacy/queries";
import { updateDrug } from "@/lib/pharmacy/service";
import { ops } from "@/lib/pharmacy/contract";

/** The drug with its units on hand (batches: GET /drugs/{id}/stock). */
export const GET = apiRoute(ops.getDrugsById, async ({ params }) => {
  const { batches: _batches, ...drug } = await getDrugStock(db(), params.id);
  return drug;
});

/** Edits any field; `{ active: false }` withdraws the drug (drugs are never deleted). */
export const PATCH = apiRoute(ops.patchDrugsById, async ({ ctx, params, body }) => {
  const input = body;
  await updateDrug(db(), ctx, params.id, input);
  const { batches: _batches, ...drug } = await getDrugStock(db(), params.id);
  return drug;
});
