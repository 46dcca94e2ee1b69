"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deactivateUser, reactivateUser } from "@/lib/accounts/service";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { ZDeactivate, ZStaffUpdate } from "@/lib/staff/schemas";
import { createStaff, updateStaff } from "@/lib/staff/service";
import { ops as staffOps } from "@/lib/staff/contract";

const ZId = z.object({ id: z.string().min(1) });

export const createStaffAction = defineAction(
  { permission: staffOps.postStaff.permission, schema: staffOps.postStaff.body },
  async (ctx, input) => {
    const staff = await createStaff(db(), ctx, input);
    revalidatePath("/admin/staff");
    return { id: staff.id };
  },
);

export const updateStaffAction = defineAction(
  { permission: "staff.manage", schema: ZId.and(ZStaffUpdate) },
  async (ctx, { id, ...input }) => {
    await updateStaff(db(), ctx, id, input);
    revalidatePath(`/admin/staff/${id}`);
    return { id };
  },
);

export const deactivateStaffAction = defineAction(
  { permission: "staff.manage", schema: ZId.and(ZDeactivate) },
  async (ctx, { id, reason }) => {
    await deactivateUser(db(), ctx, id, reason);
    revalidatePath(`/admin/staff/${id}`);
    return { id };
  },
);

export const reactivateStaffAction = defineAction({ permission: "staff.manage", schema: ZId }, async (ctx, { id }) => {
  await reactivateUser(db(), ctx, id);
  revalidatePath(`/admin/staff/${id}`);
  return { id };
});
