"use server";

import { revalidatePath } from "next/cache";
import { requestExport } from "@/lib/jobs/exports";
import { enqueue, queue } from "@/lib/jobs/queue";
import { ZExportRequest } from "@/lib/jobs/schemas";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

export const requestExportAction = defineAction(
  { permission: "export.request", schema: ZExportRequest },
  async (ctx, input) => {
    const { id } = await requestExport(db(), ctx, input);
    await enqueue(await queue(), "export.run", { exportId: id }, { key: id });
    revalidatePath("/exports");
    return { id };
  },
);
