import { ZAddendum } from "@/lib/clinical/schemas";
import { addConsultationAddendum } from "@/lib/clinical/service";
import { apiRoute, created, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";

/** `{ text }` on a signed consultation (doctors). */
export const POST = apiRoute<{ id: string }>("clinical.addendum", async ({ req, ctx, params }) => {
  const { text } = await readJson(req, ZAddendum);
  return created(await addConsultationAddendum(db(), ctx, params.id, text));
}, { idempotent: true });
