"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { confirmEmail, resendConfirmation } from "@/lib/accounts/email-confirmation";
import { ZConfirmEmail } from "@/lib/accounts/registration-schemas";
import { defineAction, definePublicAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";

/** The emailed link is the credential: no session needed. */
export const confirmEmailAction = definePublicAction(
  { name: "account.confirmEmail", schema: ZConfirmEmail },
  async (input) => {
    await confirmEmail(db(), input, clientIp(await headers()));
    return { done: true };
  },
);

export const resendConfirmationAction = defineAction(
  { permission: "account.confirmEmail", schema: z.object({}) },
  async (ctx) => {
    await resendConfirmation(db(), ctx);
    return { sent: true };
  },
);
