import { listNurseNotes } from "@/lib/clinical/queries";
import { createNurseNote } from "@/lib/clinical/service";
import { openChart } from "@/lib/patients/chart";
import { apiRoute, created, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/patients/contract";

/** Newest first (audited; patients: their own). */
export const GET = apiRoute(ops.getPatientsByIdNurseNotes, async ({ req, ctx, params }) => {
  const query = parseListQuery(req.nextUrl.searchParams, ["createdAt"], "-createdAt");
  const chart = await openChart(db(), ctx, params.id, { need: "clinical.read", entity: "NurseNote" });
  const { items, total } = await listNurseNotes(db(), chart, query);
  return listResponse(items, total, query);
});

/** `{ shift: DAY/EVENING/NIGHT, category, text }`. */
export const POST = apiRoute(ops.postPatientsByIdNurseNotes, async ({ ctx, params, body }) =>
  created(await createNurseNote(db(), ctx, params.id, body)),
);
