import { NextResponse } from "next/server";
import { deactivateUser } from "@/lib/accounts/service";
import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { getStaff } from "@/lib/staff/queries";
import { ZDeactivate, ZStaffUpdate } from "@/lib/staff/schemas";
import { updateStaff } from "@/lib/staff/service";

export const GET = apiRoute<{ id: string }>("staff.manage", async ({ params }) => {
  const staff = await getStaff(db(), params.id);
  if (!staff) throw notFound("staff member");
  return staff;
});

/** Absent fields stay as they are; null clears an optional one. */
export const PATCH = apiRoute<{ id: string }>("staff.manage", async ({ req, ctx, params }) => updateStaff(db(), ctx, params.id, await readJson(req, ZStaffUpdate)));

/** Deactivates a staff account: sign-in refused and every session and token dead at once. */
export const DELETE = apiRoute<{ id: string }>("staff.manage", async ({ req, ctx, params }) => {
  const hasBody = (req.headers.get("content-length") ?? "0") !== "0";
  const { reason } = hasBody ? await readJson(req, ZDeactivate) : { reason: "Deactivated by an administrator" };
  await deactivateUser(db(), ctx, params.id, reason);
  return new NextResponse(null, { status: 204 });
});
