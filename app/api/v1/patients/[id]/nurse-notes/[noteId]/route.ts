import { updateNurseNote } from "@/lib/clinical/service";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/patients/contract";

/** By the author until `lockedAt`; then `423 RECORD_LOCKED` (add an addendum instead). */
export const PATCH = apiRoute(ops.patchPatientsByIdNurseNotesByNoteId, async ({ ctx, params, body }) =>
  updateNurseNote(db(), ctx, params.id, params.noteId, body),
);
