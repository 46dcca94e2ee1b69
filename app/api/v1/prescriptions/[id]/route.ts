import { apiRoute, callerLocale } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { localizeFindings } from "@/lib/prescriptions/findings";
import { getPrescription } from "@/lib/prescriptions/queries";
import { ops } from "@/lib/prescriptions/contract";

/** One prescription; its findings' messages in the caller's language (each keeps its `key` and `params`). */
export const GET = apiRoute(ops.getPrescriptionsById, async ({ ctx, params }) => {
  const p = await getPrescription(db(), ctx, params.id);
  return { ...p, findings: localizeFindings(p.findings, await callerLocale()) };
});
