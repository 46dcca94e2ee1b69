"use server";

import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { ZTriageConfirm, ZTriageRun } from "@/lib/triage/schemas";
import { confirmTriage, runTriage } from "@/lib/triage/service";

/** The triage box's "Suggest a department": stores the recommendation and returns it. */
export const runTriageAction = defineAction({ permission: "triage.run", schema: ZTriageRun }, async (ctx, input) =>
  runTriage(db(), ctx, input),
);

/** The staff member's final choice, with the patient once registered. */
export const confirmTriageAction = defineAction(
  { permission: "triage.run", schema: ZTriageConfirm },
  async (ctx, input) => {
    await db().$transaction((tx) => confirmTriage(tx, ctx, input));
    return { id: input.triageId };
  },
);
