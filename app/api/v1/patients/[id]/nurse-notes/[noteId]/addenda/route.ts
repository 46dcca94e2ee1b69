import { addRecordAddendum } from "@/lib/clinical/service";
import { apiRoute, created } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/patients/contract";

export const POST = apiRoute(ops.postPatientsByIdNurseNotesByNoteIdAddenda, async ({ ctx, params, body }) => {
  const { text } = body;
  return created(await addRecordAddendum(db(), ctx, params.id, { nurseNoteId: params.noteId }, text));
});
