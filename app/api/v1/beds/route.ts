import { apiRoute, created, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { listBeds } from "@/lib/wards/queries";
import { ZBed, ZBoardFilters } from "@/lib/wards/schemas";
import { createBed } from "@/lib/wards/service";
import { z } from "zod";

/** `?wardId=&roomId=&state=`: beds with their state, and the occupancy of the beds listed. */
export const GET = apiRoute("ward.read", async ({ req }) => {
  const p = req.nextUrl.searchParams;
  const f = parseInput(ZBoardFilters.pick({ wardId: true, state: true }).extend({ roomId: z.string().optional() }), {
    wardId: p.get("wardId") ?? undefined,
    roomId: p.get("roomId") ?? undefined,
    state: p.get("state") ?? undefined,
  });
  const { items, occupancy } = await listBeds(db(), f);
  return { items, total: items.length, page: 1, pageSize: items.length, occupancy };
});

/** `{ roomId, label }`. */
export const POST = apiRoute("ward.manage", async ({ req, ctx }) => created(await createBed(db(), ctx, await readJson(req, ZBed))));
