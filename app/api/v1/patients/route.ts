import { PATIENT_SORTS, searchPatients } from "@/lib/patients/queries";
import { assertMayFilterByCondition } from "@/lib/patients/scope";
import { registerPatient } from "@/lib/patients/service";
import { apiRoute, created, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/patients/contract";

/** `?condition=` (diagnosis text) only for roles that see conditions: others get 400 naming the field. */
export const GET = apiRoute(ops.getPatients, async ({ req, ctx }) => {
  const params = req.nextUrl.searchParams;
  const query = parseListQuery(params, PATIENT_SORTS, "lastName");
  const condition = params.get("condition")?.trim() || undefined;
  assertMayFilterByCondition(ctx.actor, condition);
  const { items, total } = await searchPatients(db(), ctx, { ...query, condition });
  return listResponse(items, total, query);
});

/** 409 DUPLICATE with `details.candidates` when the person may already exist; resend with confirmDuplicate. */
export const POST = apiRoute(ops.postPatients, async ({ ctx, body }) => {
  const input = body;
  return created(await registerPatient(db(), ctx, input));
});
