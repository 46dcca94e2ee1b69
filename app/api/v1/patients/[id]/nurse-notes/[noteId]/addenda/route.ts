import { ZAddendum } from "@/lib/clinical/schemas";
import { addRecordAddendum } from "@/lib/clinical/service";
import { apiRoute, created, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";

export const POST = apiRoute<{ id: string; noteId: string }>("clinical.addendum", async ({ req, ctx, params }) => {
  const { text } = await readJson(req, ZAddendum);
  return created(await addRecordAddendum(db(), ctx, params.id, { nurseNoteId: params.noteId }, text));
}, { idempotent: true });
