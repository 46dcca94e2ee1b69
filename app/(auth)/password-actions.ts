"use server";

import { headers } from "next/headers";
import { ZForgotPassword, ZSetPassword } from "@/lib/accounts/password-link-schemas";
import { setPasswordWithToken } from "@/lib/accounts/password-tokens";
import { preparePasswordReset } from "@/lib/accounts/registration";
import { enqueue, queue } from "@/lib/jobs/queue";
import { definePublicAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";

export const setPasswordAction = definePublicAction(
  { name: "account.setPassword", schema: ZSetPassword },
  async ({ token, password }) => {
    await setPasswordWithToken(db(), { token, password }, clientIp(await headers()));
    return { done: true };
  },
);

/** Answers the same, in the same time, whether or not the account exists: the worker looks the address up. */
export const forgotPasswordAction = definePublicAction(
  { name: "account.forgotPassword", schema: ZForgotPassword },
  async ({ email }) => {
    const job = await preparePasswordReset(db(), { email }, clientIp(await headers()));
    await enqueue(await queue(), "account.passwordReset", job);
    return { done: true };
  },
);
