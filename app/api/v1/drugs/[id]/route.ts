import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getDrugStock } from "@/lib/pharmacy/queries";
import { ZDrugUpdate } from "@/lib/pharmacy/schemas";
import { updateDrug } from "@/lib/pharmacy/service";

type P = { id: string };

/** The drug with its units on hand (batches: GET /drugs/{id}/stock). */
export const GET = apiRoute<P>("drug.read", async ({ params }) => {
  const { batches: _batches, ...drug } = await getDrugStock(db(), params.id);
  return drug;
});

/** Edits any field; `{ active: false }` withdraws the drug (drugs are never deleted). */
export const PATCH = apiRoute<P>("pharmacy.stock", async ({ req, ctx, params }) => {
  const input = await readJson(req, ZDrugUpdate);
  await updateDrug(db(), ctx, params.id, input);
  const { batches: _batches, ...drug } = await getDrugStock(db(), params.id);
  return drug;
});
