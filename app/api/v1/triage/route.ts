import { apiRoute, created, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ZTriageRun } from "@/lib/triage/schemas";
import { runTriage } from "@/lib/triage/service";

/** `{ problem, patientId? }` → 201 `{ id, department: { id, name }, confidence, plannedStayDays, source, details }`, stored. */
export const POST = apiRoute("triage.run", async ({ req, ctx }) => created(await runTriage(db(), ctx, await readJson(req, ZTriageRun))), { idempotent: true });
