import { apiRoute, created, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ZTriageRun } from "@/lib/triage/schemas";
import { runTriage } from "@/lib/triage/service";
import { ops } from "@/lib/triage/contract";

/** `{ problem, patientId? }` → 201 `{ id, department: { id, name }, confidence, plannedStayDays, source, details }`, stored. */
export const POST = apiRoute(ops.postTriage, async ({ req, ctx, body }) => created(await runTriage(db(), ctx, body)));
