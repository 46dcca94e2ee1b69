import { apiRoute, created, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { listDrugs } from "@/lib/pharmacy/queries";
import { DRUG_FILTER_KEYS, ZDrugFilters } from "@/lib/pharmacy/schemas";
import { createDrug } from "@/lib/pharmacy/service";
import { ops } from "@/lib/pharmacy/contract";

/** `?q=&drugClass=&lowStock=true&active=true|false&page=&pageSize=`: the catalogue with units on hand. */
export const GET = apiRoute(ops.getDrugs, async ({ req }) => {
  const params = req.nextUrl.searchParams;
  const query = parseListQuery(params, ["genericName"]);
  const filters = parseInput(
    ZDrugFilters,
    Object.fromEntries(DRUG_FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])),
  );
  const { items, total } = await listDrugs(db(), { ...filters, q: query.q }, query);
  return listResponse(items, total, query);
});

/** Adds a drug; the same generic name, form and strength twice → 409 DUPLICATE. */
export const POST = apiRoute(ops.postDrugs, async ({ ctx, body }) => created(await createDrug(db(), ctx, body)));
