import { addConsultationAddendum } from "@/lib/clinical/service";
import { apiRoute, created } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/clinical/contract";

/** `{ text }` on a signed consultation (doctors). */
export const POST = apiRoute(ops.postConsultationsByIdAddenda, async ({ ctx, params, body }) => {
  const { text } = body;
  return created(await addConsultationAddendum(db(), ctx, params.id, text));
});
