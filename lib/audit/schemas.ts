import { z } from "zod";
import { ZDate } from "@/lib/scheduling/schemas";
import { E } from "@/lib/i18n/error-keys";

/** The audit actions an event may record (lib/server/audit.ts writes these). */
export const AUDIT_ACTIONS = [
  "CREATE",
  "UPDATE",
  "DELETE",
  "VIEW",
  "LOGIN",
  "LOGOUT",
  "SIGN",
  "EXPORT",
  "VERIFY",
] as const;

const id = z.string().trim().max(100).optional();

/**
 * The audit trail's filters (page and API): who (actorId), about whom (patientId), what (entity,
 * entityId, action) and when (from, to: days in HOSPITAL_TIMEZONE, both included).
 */
export const ZAuditFilter = z
  .object({
    actorId: id,
    patientId: id,
    entity: id,
    entityId: id,
    action: z.enum(AUDIT_ACTIONS).optional(),
    from: ZDate.optional(),
    to: ZDate.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: E.audit.toBeforeFrom });
export type AuditFilterInput = z.infer<typeof ZAuditFilter>;

/** The filters a query string holds (empty values dropped), ready for ZAuditFilter. */
export function auditFilterParams(get: (key: string) => string | null | undefined): Record<string, string> {
  const keys = ["actorId", "patientId", "entity", "entityId", "action", "from", "to"] as const;
  return Object.fromEntries(keys.map((k) => [k, get(k)?.trim()]).filter((e): e is [string, string] => !!e[1]));
}
