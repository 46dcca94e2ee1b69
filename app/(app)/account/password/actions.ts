"use server";

import { ZChangePassword } from "@/lib/accounts/schemas";
import { changePassword } from "@/lib/accounts/service";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

export const changePasswordAction = defineAction(
  { permission: "account.changePassword", schema: ZChangePassword },
  async (ctx, input) => {
    await changePassword(db(), ctx, input);
    return { changed: true };
  },
);
