"use server";

import { revalidatePath } from "next/cache";
import { dismissPair } from "@/lib/patients/duplicates";
import { ZDismissPairAction, ZResolveLinkAction } from "@/lib/patients/duplicates-schemas";
import { resolveLinkRequest } from "@/lib/patients/link-requests";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

export const dismissPairAction = defineAction(
  { permission: "patient.duplicates", schema: ZDismissPairAction },
  async (ctx, { pairId }) => {
    const r = await dismissPair(db(), ctx, pairId);
    revalidatePath("/patients/duplicates");
    return r;
  },
);

export const resolveLinkAction = defineAction(
  { permission: "patient.duplicates", schema: ZResolveLinkAction },
  async (ctx, { requestId, ...resolution }) => {
    const r = await resolveLinkRequest(db(), ctx, requestId, resolution);
    revalidatePath("/patients/duplicates");
    return r;
  },
);
