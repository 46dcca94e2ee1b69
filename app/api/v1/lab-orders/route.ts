import { listLabOrders } from "@/lib/clinical/queries";
import { ZLabOrderFilters } from "@/lib/clinical/schemas";
import { orderLabTests } from "@/lib/clinical/service";
import { openChart } from "@/lib/patients/chart";
import { apiRoute, created, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { ops } from "@/lib/clinical/contract";

/** `?patientId=&status=ORDERED|RESULTED|CANCELLED`; `status=ORDERED` alone is the lab's worklist, oldest first. */
export const GET = apiRoute(ops.getLabOrders, async ({ req, ctx }) => {
  const params = req.nextUrl.searchParams;
  const query = parseListQuery(params, ["orderedAt"], "-orderedAt");
  const filter = parseInput(ZLabOrderFilters, {
    status: params.get("status") ?? undefined,
    patientId: params.get("patientId") ?? undefined,
  });
  const chart = filter.patientId
    ? await openChart(db(), ctx, filter.patientId, { need: "clinical.read", entity: "LabOrder" })
    : undefined;
  const { items, total } = await listLabOrders(db(), ctx, { chart, status: filter.status }, query);
  return listResponse(items, total, query);
});

/** `{ patientId, testIds: [...], consultationId?, notes? }` → 201 `{ items: [order, …] }`, one order per test. */
export const POST = apiRoute(ops.postLabOrders, async ({ ctx, body }) =>
  created({ items: await orderLabTests(db(), ctx, body) }),
);
