import { NextResponse } from "next/server";
import { resendConfirmation } from "@/lib/accounts/email-confirmation";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/accounts/contract";

/** A new confirmation link for the caller's unconfirmed address (at most 3 an hour, then 429). */
export const POST = apiRoute(ops.postAccountConfirmationEmail, async ({ ctx }) => {
  await resendConfirmation(db(), ctx);
  return NextResponse.json({ status: "sent" }, { status: 202 });
});
