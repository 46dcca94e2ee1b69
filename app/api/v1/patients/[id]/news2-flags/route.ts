import { ZNews2Flags } from "@/lib/clinical/schemas";
import { setNews2Flags } from "@/lib/clinical/service";
import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";

/** Doctors: the patient's NEWS2 flags (pregnancy: no score; SpO2 scale 2), for sets recorded from then on. */
export const PUT = apiRoute<{ id: string }>("clinical.write", async ({ req, ctx, params }) => setNews2Flags(db(), ctx, params.id, await readJson(req, ZNews2Flags)));
