import { apiRoute, created } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { runTriage } from "@/lib/triage/service";
import { ops } from "@/lib/triage/contract";

/** `{ problem, patientId? }` → 201 `{ id, department: { id, name }, confidence, plannedStayDays, source, details }`, stored. */
export const POST = apiRoute(ops.postTriage, async ({ ctx, body }) => created(await runTriage(db(), ctx, body)));
