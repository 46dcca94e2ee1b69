import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, withoutTriggers as tamper } from "@/tests/reset";
import { audit, auditedRead, auditViews, verifyAuditChain } from "./audit";
import { db } from "./db";

const ctx = { actor: { id: "u-admin", role: "ADMIN" }, ip: "10.0.0.7" };

async function writeEvents(n: number) {
  for (let i = 0; i < n; i++) {
    await audit(db(), ctx, {
      action: "VIEW",
      entity: "Patient",
      entityId: `p${i}`,
      patientId: `p${i}`,
      details: { tab: "chart", i },
    });
  }
}

describe("audit trail", () => {
  beforeEach(resetDatabase);

  it("chains events in order and verifies an untouched chain", async () => {
    await writeEvents(5);
    const rows = await db().auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0].prevHash).toBe("");
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(rows[2]).toMatchObject({
      actorId: "u-admin",
      actorRole: "ADMIN",
      ip: "10.0.0.7",
      action: "VIEW",
      patientId: "p2",
    });
    expect(await verifyAuditChain(db())).toEqual({ ok: true, checked: 5 });
  });

  it("refuses updates and deletes through normal SQL", async () => {
    await writeEvents(1);
    await expect(db().$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'UPDATE'`)).rejects.toThrow();
    await expect(db().$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow();
    expect(await db().auditEvent.count()).toBe(1);
  });

  it("detects an edited row", async () => {
    await writeEvents(4);
    await tamper(`UPDATE "AuditEvent" SET "actorId" = 'someone-else' WHERE seq = 2`);
    expect(await verifyAuditChain(db())).toMatchObject({
      ok: false,
      brokenAtSeq: "2",
      reason: expect.stringContaining("edited"),
    });
  });

  it("detects a row edited together with a recomputed hash (the next link breaks)", async () => {
    await writeEvents(4);
    await tamper(`UPDATE "AuditEvent" SET details = '{"tab":"forged"}',
      hash = audit_event_hash("prevHash", seq, at, "actorId", "actorRole", action, entity, "entityId", "patientId", ip, '{"tab":"forged"}'::jsonb)
      WHERE seq = 2`);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, brokenAtSeq: "3" });
  });

  it("detects a deleted row in the middle", async () => {
    await writeEvents(4);
    await tamper(`DELETE FROM "AuditEvent" WHERE seq = 3`);
    expect(await verifyAuditChain(db())).toMatchObject({
      ok: false,
      brokenAtSeq: "4",
      reason: expect.stringContaining("deleted"),
    });
  });

  it("detects the newest rows removed", async () => {
    await writeEvents(4);
    await tamper(`DELETE FROM "AuditEvent" WHERE seq = 4`);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, reason: expect.stringContaining("removed") });
  });

  it("keeps one valid chain under concurrent writers", async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        audit(db(), ctx, { action: "CREATE", entity: "Thing", entityId: String(i) }),
      ),
    );
    expect(await verifyAuditChain(db())).toEqual({ ok: true, checked: 25 });
  });

  it("writes a list read's rows in one INSERT: one per distinct patient, in order shown, chained like single inserts", async () => {
    await writeEvents(2);
    const statements: string[] = [];
    const spy = db().$extends({
      query: {
        $allOperations: async ({ operation, args, query }) => {
          statements.push(operation);
          return query(args);
        },
      },
    });
    const n = await auditViews(spy as never, ctx, { entity: "Appointment", details: { via: "test" } }, [
      { patientId: "p7" },
      { patient: { id: "p3" } },
      { patientId: "p7" },
      { patientId: "p9" },
    ]);
    expect(n).toBe(3);
    expect(statements).toEqual(["$executeRaw"]);
    const rows = await db().auditEvent.findMany({ where: { entity: "Appointment" }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => [Number(r.seq), r.patientId, r.details])).toEqual([
      [3, "p7", { via: "test", list: 2 }],
      [4, "p3", { via: "test", list: 1 }],
      [5, "p9", { via: "test", list: 1 }],
    ]);
    expect(rows[0]).toMatchObject({ action: "VIEW", actorId: "u-admin", actorRole: "ADMIN", ip: "10.0.0.7" });
    expect(await verifyAuditChain(db())).toEqual({ ok: true, checked: 5 });
    expect(await auditViews(db(), ctx, { entity: "Appointment" }, [])).toBe(0);
    expect(await db().auditEvent.count()).toBe(5);
  });

  it("keeps one valid chain when list audits and single audits run concurrently", async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2
          ? auditViews(db(), ctx, { entity: "X" }, [
              { patientId: `a${i}` },
              { patientId: `b${i}` },
              { patientId: `c${i}` },
            ])
          : audit(db(), ctx, { action: "VIEW", entity: "Y", patientId: `s${i}` }),
      ),
    );
    expect(await verifyAuditChain(db())).toEqual({ ok: true, checked: 6 * 3 + 6 });
  });

  it("auditedRead: the audit after the read, in its transaction; a failed read writes nothing, a failed audit returns nothing", async () => {
    await expect(
      auditedRead(
        db(),
        async () => {
          throw new Error("refused");
        },
        (tx) => auditViews(tx, ctx, { entity: "X" }, [{ patientId: "p1" }]),
      ),
    ).rejects.toThrow("refused");
    expect(await db().auditEvent.count()).toBe(0);
    // The audit write fails (a NUL byte PostgreSQL refuses in text): the read's result is not returned.
    await expect(
      auditedRead(
        db(),
        async (tx) => tx.auditEvent.count(),
        (tx) => auditViews(tx, ctx, { entity: "X\u0000" }, [{ patientId: "p1" }]),
      ),
    ).rejects.toThrow();
    expect(await db().auditEvent.count()).toBe(0);
    const got = await auditedRead(
      db(),
      async () => [{ patientId: "p1" }, { patientId: "p2" }],
      (tx, rows) => auditViews(tx, ctx, { entity: "X" }, rows),
    );
    expect(got).toHaveLength(2);
    expect(await db().auditEvent.count()).toBe(2);
  });
});
