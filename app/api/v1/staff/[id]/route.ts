import { NextResponse } from "next/server";
import { z } from "zod";
import { deactivateUser } from "@/lib/accounts/service";
import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";

const ZDeactivate = z.object({ reason: z.string().trim().min(3, "Give a reason of at least 3 characters").max(500) });

/** Deactivates a staff account: sign-in refused and every session and token dead at once. */
export const DELETE = apiRoute<{ id: string }>("staff.manage", async ({ req, ctx, params }) => {
  const hasBody = (req.headers.get("content-length") ?? "0") !== "0";
  const { reason } = hasBody ? await readJson(req, ZDeactivate) : { reason: "Deactivated by an administrator" };
  await deactivateUser(db(), ctx, params.id, reason);
  return new NextResponse(null, { status: 204 });
});
