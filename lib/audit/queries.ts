import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListQuery } from "@/lib/server/api";
import type { Db } from "@/lib/server/db";

export type AuditFilter = { patientId?: string; entity?: string; entityId?: string; actorId?: string; action?: string };
export type AuditRow = { seq: string; at: string; actorId: string | null; actorName: string | null; actorRole: string | null; action: string; entity: string; entityId: string | null; patientId: string | null; ip: string | null; details: unknown };

/** The audit trail for admins: newest first, filtered, with the actor's name (two queries, not one per row). */
export async function listAuditEvents(prisma: Db, filter: AuditFilter, page: Pick<ListQuery<string>, "skip" | "take">): Promise<{ items: AuditRow[]; total: number }> {
  const where: Prisma.AuditEventWhereInput = {};
  for (const key of ["patientId", "entity", "entityId", "actorId", "action"] as const) if (filter[key]) where[key] = filter[key];
  const [rows, total] = await Promise.all([
    prisma.auditEvent.findMany({ where, orderBy: { seq: "desc" }, skip: page.skip, take: page.take }),
    prisma.auditEvent.count({ where }),
  ]);
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  const actors = new Map((await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return {
    items: rows.map((r) => ({
      seq: String(r.seq),
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorName: r.actorId ? (actors.get(r.actorId) ?? null) : null,
      actorRole: r.actorRole,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      patientId: r.patientId,
      ip: r.ip,
      details: r.details,
    })),
    total,
  };
}
