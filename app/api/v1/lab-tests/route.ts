import { labCatalogue } from "@/lib/clinical/queries";
import { apiRoute, pageOf } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/clinical/contract";

/** The lab catalogue: code, LOINC, unit and adult reference range of each active test. */
export const GET = apiRoute(ops.getLabTests, async ({ req }) =>
  pageOf(await labCatalogue(db()), req.nextUrl.searchParams),
);
