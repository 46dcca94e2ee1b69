"use server";

import { headers } from "next/headers";
import { prepareRegistration } from "@/lib/accounts/registration";
import { enqueue, queue } from "@/lib/jobs/queue";
import { ZSelfRegister } from "@/lib/patients/schemas";
import { definePublicAction } from "@/lib/server/action";
import { callerLocale } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";

/** The same answer for every address: the worker creates the account or tells the address's owner. */
export const selfRegisterAction = definePublicAction(
  { name: "patient.selfRegister", schema: ZSelfRegister },
  async (input) => {
    const job = await prepareRegistration(db(), input, clientIp(await headers()), await callerLocale());
    await enqueue(await queue(), "account.register", job);
    return { done: true };
  },
);
