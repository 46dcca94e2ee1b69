"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { SCHEDULED } from "@/lib/jobs/definitions";
import { retryJob, runScheduledNow } from "@/lib/jobs/admin";
import { queue } from "@/lib/jobs/queue";
import { defineAction } from "@/lib/server/action";

const ZRetry = z.object({ name: z.string().min(1).max(100), id: z.uuid() });
const ZRunNow = z.object({ name: z.enum(SCHEDULED) });

export const retryJobAction = defineAction({ permission: "jobs.read", schema: ZRetry }, async (_ctx, { name, id }) => {
  await retryJob(await queue(), name, id);
  revalidatePath("/admin/jobs");
  return { id };
});

export const runJobNowAction = defineAction({ permission: "jobs.read", schema: ZRunNow }, async (_ctx, { name }) => {
  const id = await runScheduledNow(await queue(), name);
  revalidatePath("/admin/jobs");
  return { id };
});
