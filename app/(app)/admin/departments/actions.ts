"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ZDepartmentUpdate } from "@/lib/departments/schemas";
import { createDepartment, updateDepartment } from "@/lib/departments/service";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { ops as departmentsOps } from "@/lib/departments/contract";

export const createDepartmentAction = defineAction(
  { permission: departmentsOps.postDepartments.permission, schema: departmentsOps.postDepartments.body },
  async (ctx, input) => {
    const d = await createDepartment(db(), ctx, input);
    revalidatePath("/admin/departments");
    return { id: d.id };
  },
);

export const updateDepartmentAction = defineAction(
  { permission: "department.manage", schema: ZDepartmentUpdate.extend({ id: z.string().min(1) }) },
  async (ctx, { id, ...input }) => {
    await updateDepartment(db(), ctx, id, input);
    revalidatePath(`/admin/departments/${id}`);
    return { id };
  },
);
