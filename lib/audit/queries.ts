import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListQuery } from "@/lib/server/api";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { DateTime } from "luxon";

export type AuditFilter = {
  patientId?: string;
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
};

/** The start of a day (YYYY-MM-DD) at the hospital. */
const dayStart = (day: string) => DateTime.fromISO(day, { zone: env().HOSPITAL_TIMEZONE }).startOf("day").toJSDate();
export type AuditRow = {
  seq: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  patientId: string | null;
  ip: string | null;
  details: unknown;
};

/** The audit trail for admins: newest first, filtered, with the actor's name (two queries, not one per row). */
export async function listAuditEvents(
  prisma: Db,
  filter: AuditFilter,
  page: Pick<ListQuery<string>, "skip" | "take">,
): Promise<{ items: AuditRow[]; total: number }> {
  const where: Prisma.AuditEventWhereInput = {};
  for (const key of ["patientId", "entity", "entityId", "actorId", "action"] as const)
    if (filter[key]) where[key] = filter[key];
  if (filter.from || filter.to)
    where.at = {
      ...(filter.from ? { gte: dayStart(filter.from) } : {}),
      ...(filter.to
        ? {
            lt: DateTime.fromJSDate(dayStart(filter.to), { zone: env().HOSPITAL_TIMEZONE })
              .plus({ days: 1 })
              .toJSDate(),
          }
        : {}),
    };
  const [rows, total] = await Promise.all([
    prisma.auditEvent.findMany({ where, orderBy: { seq: "desc" }, skip: page.skip, take: page.take }),
    prisma.auditEvent.count({ where }),
  ]);
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  const actors = new Map(
    (await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
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

/** The names behind the chosen actor and patient filters, for the filter form to show (not raw ids). */
export async function auditFilterNames(prisma: Db, filter: Pick<AuditFilter, "actorId" | "patientId">) {
  const [actor, patient] = await Promise.all([
    filter.actorId
      ? prisma.user.findUnique({ where: { id: filter.actorId }, select: { id: true, name: true, email: true } })
      : null,
    filter.patientId
      ? prisma.patient.findUnique({
          where: { id: filter.patientId },
          select: { id: true, firstName: true, lastName: true, mrn: true },
        })
      : null,
  ]);
  return {
    actor: actor ? { id: actor.id, label: actor.name, detail: actor.email } : null,
    patient: patient
      ? { id: patient.id, label: `${patient.lastName}, ${patient.firstName}`, detail: patient.mrn }
      : null,
  };
}

export type AuditActorRow = { id: string; name: string; email: string; role: string };

/**
 * The accounts whose actions the audit trail can be filtered by: staff and patients alike (a patient
 * reading their own record or booking online is an actor too), by name or email, active or not.
 */
export async function searchAuditActors(
  prisma: Db,
  query: Pick<ListQuery<string>, "q" | "skip" | "take">,
): Promise<{ items: AuditActorRow[]; total: number }> {
  const where: Prisma.UserWhereInput = query.q
    ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { email: { contains: query.q.toLowerCase() } }] }
    : {};
  const [items, total] = await Promise.all([
    prisma.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: query.skip,
      take: query.take,
      select: { id: true, name: true, email: true, role: true },
    }),
    prisma.user.count({ where }),
  ]);
  return { items, total };
}
