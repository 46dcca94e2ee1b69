import { NextResponse } from "next/server";
import { prepareRegistration } from "@/lib/accounts/registration";
import { enqueue, queue } from "@/lib/jobs/queue";
import { catalog } from "@/lib/i18n";
import { callerLocale, publicRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";
import { ops } from "@/lib/accounts/contract";

/**
 * A patient's self-registration: the same rules as the /register page, and the same answer (202)
 * whether or not the address already has an account. A new account must confirm its email by the
 * emailed link before it can do anything; the owner of a known address is told by email instead.
 */
export const POST = publicRoute(ops.postAuthRegister, async ({ req, body }) => {
  const input = body;
  const locale = await callerLocale();
  const job = await prepareRegistration(db(), input, clientIp(req.headers), locale);
  await enqueue(await queue(), "account.register", job);
  return NextResponse.json({ status: "accepted", message: catalog(locale).accounts.registered.body }, { status: 202 });
});
