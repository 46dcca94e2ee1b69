import type { Db } from "@/lib/server/db";

// The demo hospital (`npm run db:seed`, prisma/seed.ts) is marked as such: every patient and user the
// seed made has demo = true (set by markDemo after seeding, for the rows that did not exist before).
// Marked rows, not guessed ones: no name, email or MRN pattern is relied on, and a record a person
// adds later through the app is never demo, whoever adds it.
//
// `npm run console -- demo remove` deletes the demo patients with everything that hangs off them
// (appointments, consultations, lab orders, prescriptions, admissions, invoices…, found through the
// foreign keys), then the demo accounts and what is theirs. An account still referred to by a real
// record (a demo doctor who saw a real patient) is deactivated instead of deleted. Audit events are
// append-only (a trigger refuses to change them): they stay, naming ids that no longer exist.
// Departments, wards, the drug and lab catalogues the seed made are configuration and stay too.

type Ids = { patients: string[]; users: string[] };

/** The ids of the patients and users that exist now (taken before seeding, to mark what the seed adds). */
export async function existingIds(prisma: Db): Promise<Ids> {
  const [patients, users] = await Promise.all([
    prisma.patient.findMany({ select: { id: true } }),
    prisma.user.findMany({ select: { id: true } }),
  ]);
  return { patients: patients.map((p) => p.id), users: users.map((u) => u.id) };
}

/** Marks as demo every patient and user that is not among `before` (what the seed just made). */
export async function markDemo(prisma: Db, before: Ids): Promise<{ patients: number; users: number }> {
  const [patients, users] = await prisma.$transaction([
    prisma.patient.updateMany({ where: { id: { notIn: before.patients }, demo: false }, data: { demo: true } }),
    prisma.user.updateMany({ where: { id: { notIn: before.users }, demo: false }, data: { demo: true } }),
  ]);
  return { patients: patients.count, users: users.count };
}

/** Patients that are not demo ones: real people's records, which seeding must not mix with. */
export function realPatientCount(prisma: Db): Promise<number> {
  return prisma.patient.count({ where: { demo: false } });
}

type ForeignKey = { child: string; column: string; parent: string; parentColumn: string; onDelete: string };

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Removes the demo data. Returns the number of rows deleted per table, and the demo accounts kept
 * (deactivated) because real records still refer to them.
 */
export async function removeDemo(prisma: Db): Promise<{ deleted: Record<string, number>; deactivatedUsers: string[] }> {
  return prisma.$transaction(
    async (tx) => {
      // Single-column foreign keys of the public schema, with their ON DELETE rule (a: no action, r: restrict, c: cascade, n: set null, d: set default).
      const fks = await tx.$queryRaw<ForeignKey[]>`
        SELECT c.conrelid::regclass::text AS child, a.attname AS column, c.confrelid::regclass::text AS parent,
               pa.attname AS "parentColumn", c.confdeltype::text AS "onDelete"
        FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
        WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1 AND c.connamespace = 'public'::regnamespace`;
      const hasId = new Set(
        (
          await tx.$queryRaw<
            { t: string }[]
          >`SELECT table_name AS t FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id'`
        ).map((r) => `"${r.t}"`),
      );
      const unquote = (t: string) => (t.startsWith('"') ? t : `"${t}"`);
      const deleted: Record<string, number> = {};

      // Deletes the rows of `table` whose `column` is in `ids`, after (depth first) every row that
      // refers to them by a foreign key that would refuse or cascade. SET NULL ones are left to PostgreSQL.
      async function remove(table: string, column: string, ids: string[]): Promise<void> {
        if (!ids.length) return;
        const t = unquote(table);
        const ownIds = hasId.has(t)
          ? (
              await tx.$queryRawUnsafe<{ id: string }[]>(
                `SELECT id::text AS id FROM ${t} WHERE ${q(column)}::text = ANY($1::text[])`,
                ids,
              )
            ).map((r) => r.id)
          : [];
        for (const fk of fks.filter(
          (f) => unquote(f.parent) === t && f.parentColumn === "id" && ["a", "r", "c"].includes(f.onDelete),
        )) {
          await remove(fk.child, fk.column, ownIds);
        }
        const n = await tx.$executeRawUnsafe(`DELETE FROM ${t} WHERE ${q(column)}::text = ANY($1::text[])`, ids);
        if (n) deleted[t.replace(/"/g, "")] = (deleted[t.replace(/"/g, "")] ?? 0) + n;
      }

      const patients = (await tx.patient.findMany({ where: { demo: true }, select: { id: true } })).map((p) => p.id);
      await remove("Patient", "id", patients);

      // Each demo account: deleted with what is its own when nothing real refers to it any more,
      // else deactivated (a savepoint undoes the attempt).
      const deactivatedUsers: string[] = [];
      const users = await tx.user.findMany({ where: { demo: true }, select: { id: true, email: true } });
      for (const user of users) {
        await tx.$executeRawUnsafe("SAVEPOINT demo_user");
        try {
          await removeOwn(user.id);
          await tx.$executeRawUnsafe("RELEASE SAVEPOINT demo_user");
        } catch {
          await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT demo_user");
          await tx.user.update({ where: { id: user.id }, data: { active: false, sessionVersion: { increment: 1 } } });
          deactivatedUsers.push(user.email);
        }
      }

      // An account's own rows only (cascading ones: sessions, tokens, hours…); a RESTRICT reference
      // left (a real record naming the account) makes the delete fail, and the account is kept.
      async function removeOwn(userId: string): Promise<void> {
        const n = await tx.$executeRawUnsafe(`DELETE FROM "User" WHERE id = $1`, userId);
        if (n) deleted.User = (deleted.User ?? 0) + n;
      }

      return { deleted, deactivatedUsers };
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}
