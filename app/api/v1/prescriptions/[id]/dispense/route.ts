import { apiRoute, created } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { en } from "@/lib/i18n/en";
import { AppError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";
import { ZDispense } from "@/lib/pharmacy/schemas";
import { dispensePrescription } from "@/lib/pharmacy/service";

type P = { id: string };

/**
 * `{ items?: [{ itemId, quantity }] }` (no body or no items: dispense all that remains) → 201 with
 * the dispense, its batch lines and the prescription's new status. 409 OUT_OF_STOCK (nothing
 * written); 409 INVALID_TRANSITION for a revoked, expired or fully dispensed prescription.
 */
export const POST = apiRoute<P>("pharmacy.dispense", async ({ req, ctx, params }) => {
  const text = await req.text();
  let body: unknown = {};
  try {
    if (text.trim() !== "") body = JSON.parse(text);
  } catch {
    throw new AppError("MALFORMED_JSON", en.errors.badJson);
  }
  return created(await dispensePrescription(db(), ctx, params.id, parseInput(ZDispense, body)));
}, { idempotent: true });
