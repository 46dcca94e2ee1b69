import { searchIcd } from "@/lib/clinical/icd10cm";
import { ZIcdQuery } from "@/lib/clinical/schemas";
import { apiRoute, pageOf } from "@/lib/server/api";
import { parseInput } from "@/lib/server/validation";
import { ops } from "@/lib/clinical/contract";

/** `?q=` code prefix or words → `{ items: [{ code, description }] }` (at most 20), for the diagnosis picker. */
export const GET = apiRoute(ops.getIcd10, async ({ req }) => {
  const { q } = parseInput(ZIcdQuery, { q: req.nextUrl.searchParams.get("q") ?? undefined });
  return pageOf(searchIcd(q, Infinity), req.nextUrl.searchParams, 20);
});
