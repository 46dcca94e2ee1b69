import { ZNurseNote } from "@/lib/clinical/schemas";
import { updateNurseNote } from "@/lib/clinical/service";
import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";

/** By the author until `lockedAt`; then `423 RECORD_LOCKED` (add an addendum instead). */
export const PATCH = apiRoute<{ id: string; noteId: string }>("vitals.write", async ({ req, ctx, params }) => updateNurseNote(db(), ctx, params.id, params.noteId, await readJson(req, ZNurseNote)));
