import { defineOperation } from "@/lib/server/contract";
import { ZTriageRun } from "./schemas";

// The triage operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  postTriage: defineOperation({
    method: "POST",
    path: "/triage",
    idempotent: true,
    tag: "triage",
    summary:
      "`{ problem, patientId? }` → 201 `{ id, department: { id, name }, confidence, plannedStayDays, source, details }`, stored.",
    permission: "triage.run",
    body: ZTriageRun,
    status: 201,
  }),
};
