import { updateLabTest } from "@/lib/clinical/lab-tests";
import { ZLabTestUpdate } from "@/lib/clinical/schemas";
import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";

/** `{ name?, specimen?, unit?, refLow?, refHigh?, price?, active? }`: an audited edit of a lab catalogue entry (price in minor units). */
export const PATCH = apiRoute<{ id: string }>("lab.catalogue", async ({ req, ctx, params }) => updateLabTest(db(), ctx, params.id, await readJson(req, ZLabTestUpdate)));
