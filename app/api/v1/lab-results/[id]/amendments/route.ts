import { ZLabAmendment } from "@/lib/clinical/schemas";
import { amendLabResult } from "@/lib/clinical/service";
import { apiRoute, created, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";

/** `{ value | valueText, flag?, reason }`: a corrected result amending this one, which is kept (409 if already corrected). */
export const POST = apiRoute<{ id: string }>("lab.result", async ({ req, ctx, params }) => created(await amendLabResult(db(), ctx, params.id, await readJson(req, ZLabAmendment))), { idempotent: true });
