"use server";

import { headers } from "next/headers";
import { ZSelfRegister } from "@/lib/patients/schemas";
import { selfRegister } from "@/lib/patients/service";
import { definePublicAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";

export const selfRegisterAction = definePublicAction({ name: "patient.selfRegister", schema: ZSelfRegister }, async (input) => {
  const { mrn } = await selfRegister(db(), input, clientIp(await headers()));
  return { mrn };
});
