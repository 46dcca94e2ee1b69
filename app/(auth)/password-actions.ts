"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { ZForgotPassword, ZSetPassword } from "@/lib/accounts/password-link-schemas";
import { requestPasswordReset, setPasswordWithToken } from "@/lib/accounts/password-tokens";
import { deliverEmail } from "@/lib/notifications/mail";
import { definePublicAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";

export const setPasswordAction = definePublicAction({ name: "account.setPassword", schema: ZSetPassword }, async ({ token, password }) => {
  await setPasswordWithToken(db(), { token, password }, clientIp(await headers()));
  return { done: true };
});

/** Answers the same whether or not the account exists; the email goes out after the answer, so timing says nothing either. */
export const forgotPasswordAction = definePublicAction({ name: "account.forgotPassword", schema: ZForgotPassword }, async ({ email }) => {
  const emailId = await requestPasswordReset(db(), { email }, clientIp(await headers()));
  if (emailId) after(() => deliverEmail(db(), emailId));
  return { done: true };
});
