import { z } from "zod";
import { defineOperation } from "@/lib/server/contract";
import { ZTriageRun } from "./schemas";

/** A triage suggestion as stored (lib/triage/service.ts TriageResult). */
const ZTriageResult = z.object({
  id: z.string(),
  department: z.object({ id: z.string(), name: z.string() }),
  confidence: z.number().min(0).max(1),
  plannedStayDays: z.number().int().nullable(),
  source: z.enum(["rules", "llm"]),
  details: z
    .object({
      matched: z.array(z.string()).optional(),
      redFlags: z.array(z.string()).optional(),
      negated: z.array(z.string()).optional(),
      model: z.string().optional(),
      reason: z.string().optional(),
      fallback: z.string().optional(),
    })
    .describe("Why: matched keywords and warning signs (rules), the model (llm), a fallback reason."),
});

// The triage operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  postTriage: defineOperation({
    response: ZTriageResult,
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
