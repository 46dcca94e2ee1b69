import { apiRoute, created, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { listWards } from "@/lib/wards/queries";
import { ZWard } from "@/lib/wards/schemas";
import { createWard } from "@/lib/wards/service";

/** Active wards with their department and occupancy (beds total / occupied / free / cleaning / out of service, %). */
export const GET = apiRoute("ward.read", async () => {
  const items = await listWards(db());
  return { items, total: items.length, page: 1, pageSize: items.length };
});

/** `{ name, type, departmentId? }`. */
export const POST = apiRoute("ward.manage", async ({ req, ctx }) => created(await createWard(db(), ctx, await readJson(req, ZWard))));
