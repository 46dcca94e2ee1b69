import { labCatalogue } from "@/lib/clinical/queries";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";

/** The lab catalogue: code, LOINC, unit and adult reference range of each active test. */
export const GET = apiRoute("clinical.read", async () => ({ items: await labCatalogue(db()) }));
