"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

import { createToken, revokeToken } from "@/lib/tokens/service";
import { ops as tokensOps } from "@/lib/tokens/contract";

export const createTokenAction = defineAction(
  { permission: tokensOps.postTokens.permission, schema: tokensOps.postTokens.body },
  async (ctx, input) => {
    const { token, secret } = await createToken(db(), ctx, input);
    revalidatePath("/admin/tokens");
    return { id: token.id, secret };
  },
);

export const revokeTokenAction = defineAction(
  { permission: "token.manage", schema: z.object({ id: z.string().min(1) }) },
  async (ctx, { id }) => {
    await revokeToken(db(), ctx, id);
    revalidatePath("/admin/tokens");
    return { id };
  },
);
