import { z } from "zod";
import { PAGING, defineOperation, listOf, queryOf, zIso } from "@/lib/server/contract";

// The success bodies of its GETs (JSON as sent: dates are ISO strings).
/** One audit event (seq: a bigint as a string; details as recorded, never a chart's content). */
export const ZAuditEvent = z.object({
  seq: z.string(),
  at: zIso,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.enum(["CREATE", "UPDATE", "DELETE", "VIEW", "LOGIN", "LOGOUT", "SIGN", "EXPORT", "VERIFY"]),
  entity: z.string(),
  entityId: z.string().nullable(),
  patientId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.unknown().describe("Free-form JSON as the event recorded it (differs by action and entity)."),
});
const getAuditResponse = listOf(ZAuditEvent);

const getAuditActorsResponse = listOf(
  z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.string(),
  }),
);

// The audit operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getAudit: defineOperation({
    response: getAuditResponse,
    method: "GET",
    path: "/audit",
    tag: "audit",
    summary:
      "The audit trail, newest first. Filters: `actorId`, `patientId`, `entity`, `entityId`, `action` (CREATE, UPDATE, DELETE, VIEW, LOGIN, LOGOUT, SIGN, EXPORT, VERIFY), `from`/`to` (YYYY-MM-DD, days at the hospital, both included).",
    permission: "audit.read",
    query: queryOf([...PAGING, "actorId", "patientId", "entity", "entityId", "action", "from", "to"]),
    list: true,
  }),
  getAuditActors: defineOperation({
    response: getAuditActorsResponse,
    method: "GET",
    path: "/audit/actors",
    tag: "audit",
    summary:
      "`?q=` (name or email): the accounts the audit trail can be filtered by (`actorId`), staff and patients alike, each `{ id, name, email, role }`.",
    permission: "audit.read",
    query: queryOf([...PAGING]),
    list: true,
  }),
};
