import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { AppError, notFound } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import { askLlm, DEFAULT_BASE_URL, DEFAULT_MODEL, LlmFailure, type LlmConfig } from "./llm";
import { triageByRules } from "./rules";
import type { TriageConfirmInput, TriageRunInput } from "./schemas";
import { E } from "@/lib/i18n/error-keys";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type TriageResult = {
  id: string;
  department: { id: string; name: string };
  confidence: number;
  plannedStayDays: number | null;
  source: "rules" | "llm";
  /** Why: matched keywords and warning signs (rules), the model (llm), a fallback reason. */
  details: {
    matched?: string[];
    redFlags?: string[];
    negated?: string[];
    model?: string;
    reason?: string;
    fallback?: string;
  };
};

/** The language-model engine's settings, or null when no key is configured (the rules decide). */
export function llmConfigFromEnv(): LlmConfig | null {
  const e = env();
  if (!e.TRIAGE_LLM_PROVIDER || !e.TRIAGE_LLM_API_KEY) return null;
  const provider = e.TRIAGE_LLM_PROVIDER;
  return {
    provider,
    apiKey: e.TRIAGE_LLM_API_KEY,
    model: e.TRIAGE_LLM_MODEL ?? DEFAULT_MODEL[provider],
    baseUrl: e.TRIAGE_LLM_BASE_URL ?? DEFAULT_BASE_URL[provider],
    timeoutMs: e.TRIAGE_LLM_TIMEOUT_MS,
  };
}

/**
 * Recommends a department for a problem and stores the recommendation with its source. The model is
 * asked when configured; on any failure the rules answer and the reason is kept in details.
 */
export async function runTriage(
  prisma: Db,
  ctx: Ctx,
  input: TriageRunInput,
  llm: LlmConfig | null = llmConfigFromEnv(),
): Promise<TriageResult> {
  if (input.patientId) {
    const patient = await prisma.patient.findUnique({ where: { id: input.patientId }, select: { id: true } });
    if (!patient) throw notFound("patient");
  }
  const departments = await prisma.department.findMany({
    where: { active: true },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  if (departments.length === 0) throw new AppError("NOT_FOUND", E.triage.errors.noDepartment);
  const names = departments.map((d) => d.name);

  let source: TriageResult["source"] = "rules";
  let pick: { department: string; confidence: number; plannedStayDays: number | null };
  let details: TriageResult["details"];
  const rules = () => triageByRules(input.problem, names);
  if (llm) {
    try {
      const answer = await askLlm(llm, names, input.problem);
      pick = answer;
      source = "llm";
      details = {
        model: `${llm.provider}:${llm.model}`,
        ...(answer.reason ? { reason: answer.reason.slice(0, 500) } : {}),
      };
    } catch (err) {
      const why = err instanceof LlmFailure ? err.message : "unexpected error";
      const r = rules();
      pick = r;
      details = { ...r.details, fallback: `language model (${llm.provider}:${llm.model}) failed: ${why}` };
    }
  } else {
    const r = rules();
    pick = r;
    details = r.details;
  }
  const department = departments.find((d) => d.name === pick.department) ?? departments[0];

  const row = await prisma.$transaction(async (tx) => {
    const t = await tx.triage.create({
      data: {
        patientId: input.patientId ?? null,
        problem: input.problem,
        source,
        recommendedDepartmentId: department.id,
        confidence: pick.confidence,
        plannedStayDays: pick.plannedStayDays,
        details: details as Prisma.InputJsonValue,
        createdById: ctx.actor.id,
      },
      select: { id: true },
    });
    await audit(tx, ctx, {
      action: "CREATE",
      entity: "Triage",
      entityId: t.id,
      patientId: input.patientId ?? null,
      details: { source, departmentId: department.id },
    });
    return t;
  });
  return {
    id: row.id,
    department,
    confidence: pick.confidence,
    plannedStayDays: pick.plannedStayDays,
    source,
    details,
  };
}

/**
 * Records the staff member's final choice on a triage row (and links the patient when it was run
 * before registration). Call it inside the transaction of the admission or registration it belongs to.
 */
export async function confirmTriage(tx: Tx, ctx: Ctx, input: TriageConfirmInput): Promise<void> {
  const t = await tx.triage.findUnique({ where: { id: input.triageId }, select: { id: true, patientId: true } });
  if (!t) throw notFound("triage");
  if (t.patientId && input.patientId && t.patientId !== input.patientId) {
    throw new AppError("INVALID_TRANSITION", E.triage.errors.alreadyConfirmed, {
      fields: { triageId: E.triage.errors.alreadyConfirmed },
    });
  }
  const dept = await tx.department.findFirst({ where: { id: input.departmentId, active: true }, select: { id: true } });
  if (!dept)
    throw new AppError("VALIDATION_FAILED", E.triage.errors.department, {
      fields: { departmentId: E.triage.errors.department },
    });
  const patientId = t.patientId ?? input.patientId ?? null;
  await tx.triage.update({ where: { id: t.id }, data: { confirmedDepartmentId: dept.id, patientId } });
  await audit(tx, ctx, {
    action: "UPDATE",
    entity: "Triage",
    entityId: t.id,
    patientId,
    details: { confirmedDepartmentId: dept.id },
  });
}
