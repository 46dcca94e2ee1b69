import { searchIcd } from "@/lib/clinical/icd10cm";
import { ZIcdQuery } from "@/lib/clinical/schemas";
import { apiRoute } from "@/lib/server/api";
import { parseInput } from "@/lib/server/validation";

/** `?q=` code prefix or words → `{ items: [{ code, description }] }` (at most 20), for the diagnosis picker. */
export const GET = apiRoute("clinical.read", async ({ req }) => {
  const { q } = parseInput(ZIcdQuery, { q: req.nextUrl.searchParams.get("q") ?? undefined });
  return { items: searchIcd(q, 20) };
});
