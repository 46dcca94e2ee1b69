import { PATIENT_SORTS, searchPatients } from "@/lib/patients/queries";
import { ZRegisterPatient } from "@/lib/patients/schemas";
import { registerPatient } from "@/lib/patients/service";
import { apiRoute, created, listResponse, parseListQuery, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";

export const GET = apiRoute("patient.list", async ({ req, ctx }) => {
  const params = req.nextUrl.searchParams;
  const query = parseListQuery(params, PATIENT_SORTS, "lastName");
  const { items, total } = await searchPatients(db(), ctx, { ...query, condition: params.get("condition")?.trim() || undefined });
  return listResponse(items, total, query);
});

/** 409 DUPLICATE with `details.candidates` when the person may already exist; resend with confirmDuplicate. */
export const POST = apiRoute("patient.register", async ({ req, ctx }) => {
  const input = await readJson(req, ZRegisterPatient);
  return created(await registerPatient(db(), ctx, input));
}, { idempotent: true });
