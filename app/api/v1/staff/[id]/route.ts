import { NextResponse } from "next/server";
import { deactivateUser } from "@/lib/accounts/service";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { getStaff } from "@/lib/staff/queries";
import { updateStaff } from "@/lib/staff/service";
import { ops } from "@/lib/staff/contract";

export const GET = apiRoute(ops.getStaffById, async ({ params }) => {
  const staff = await getStaff(db(), params.id);
  if (!staff) throw notFound("staff member");
  return staff;
});

/** Absent fields stay as they are; null clears an optional one. */
export const PATCH = apiRoute(ops.patchStaffById, async ({ ctx, params, body }) =>
  updateStaff(db(), ctx, params.id, body),
);

/** Deactivates a staff account: sign-in refused and every session and token dead at once. */
export const DELETE = apiRoute(ops.deleteStaffById, async ({ ctx, params, body }) => {
  await deactivateUser(db(), ctx, params.id, body.reason);
  return new NextResponse(null, { status: 204 });
});
