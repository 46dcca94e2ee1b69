import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, withoutTriggers as tamper } from "@/tests/reset";
import { audit, verifyAuditChain } from "./audit";
import { db } from "./db";

const ctx = { actor: { id: "u-admin", role: "ADMIN" }, ip: "10.0.0.7" };

async function writeEvents(n: number) {
  for (let i = 0; i < n; i++) {
    await audit(db(), ctx, { action: "VIEW", entity: "Patient", entityId: `p${i}`, patientId: `p${i}`, details: { tab: "chart", i } });
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
    expect(rows[2]).toMatchObject({ actorId: "u-admin", actorRole: "ADMIN", ip: "10.0.0.7", action: "VIEW", patientId: "p2" });
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
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, brokenAtSeq: "2", reason: expect.stringContaining("edited") });
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
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, brokenAtSeq: "4", reason: expect.stringContaining("deleted") });
  });

  it("detects the newest rows removed", async () => {
    await writeEvents(4);
    await tamper(`DELETE FROM "AuditEvent" WHERE seq = 4`);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, reason: expect.stringContaining("removed") });
  });

  it("keeps one valid chain under concurrent writers", async () => {
    await Promise.all(Array.from({ length: 25 }, (_, i) => audit(db(), ctx, { action: "CREATE", entity: "Thing", entityId: String(i) })));
    expect(await verifyAuditChain(db())).toEqual({ ok: true, checked: 25 });
  });
});
