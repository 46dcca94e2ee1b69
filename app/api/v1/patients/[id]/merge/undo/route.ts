import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { undoMerge } from "@/lib/patients/merge";
import { ZMergeUndo } from "@/lib/patients/schemas";

/** `{ mergeId }`: undoes that merge into {id} (admins, within 30 days, while nothing new was recorded). */
export const POST = apiRoute<{ id: string }>("patient.merge.undo", async ({ req, ctx, params }) =>
  undoMerge(db(), ctx, params.id, (await readJson(req, ZMergeUndo)).mergeId),
);
