import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getInvoice } from "@/lib/billing/queries";
import { ZLines } from "@/lib/billing/schemas";
import { addLines } from "@/lib/billing/service";

/** `{ lines: [{ description, quantity, unitAmount }] }`: staff lines (kind OTHER) on an open invoice. */
export const POST = apiRoute<{ id: string }>("billing.manage", async ({ req, ctx, params }) => {
  const { lines } = await readJson(req, ZLines);
  await addLines(db(), ctx, params.id, lines);
  return getInvoice(db(), ctx, params.id);
}, { idempotent: true });
