import { apiRoute, callerLocale, created, listResponse, parseListQuery } from "@/lib/server/api";
import { localizedRefusal } from "@/lib/prescriptions/findings";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { listPrescriptions, openPrescriptionsChart } from "@/lib/prescriptions/queries";
import { PRESCRIPTION_FILTER_KEYS, ZPrescriptionFilters } from "@/lib/prescriptions/schemas";
import { prescribe } from "@/lib/prescriptions/service";
import { ops } from "@/lib/prescriptions/contract";

/** `?status=&patientId=&page=&pageSize=&sort=-issuedAt|issuedAt`, scoped to the caller (patients: their own). */
export const GET = apiRoute(ops.getPrescriptions, async ({ req, ctx }) => {
  const params = req.nextUrl.searchParams;
  const query = parseListQuery(params, ["issuedAt"], "-issuedAt");
  const filters = parseInput(
    ZPrescriptionFilters,
    Object.fromEntries(PRESCRIPTION_FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])),
  );
  const chart = filters.patientId ? await openPrescriptionsChart(db(), ctx, filters.patientId) : undefined;
  const { items, total } = await listPrescriptions(
    db(),
    ctx,
    { status: filters.status, chart },
    { skip: query.skip, take: query.take, desc: query.sort.dir === "desc" },
  );
  return listResponse(items, total, query);
});

/** Prescribes (doctors). Safety findings without `overrideReason` → 409 SAFETY_CHECK with `error.details.findings`. */
export const POST = apiRoute(ops.postPrescriptions, async ({ ctx, body }) => {
  const input = body;
  return created(
    await prescribe(db(), ctx, input).catch(async (err: unknown) => {
      throw localizedRefusal(err, await callerLocale());
    }),
  );
});
