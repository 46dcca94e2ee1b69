import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { seedPatient, seedUser } from "@/prisma/builders";
import { clock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import { parseInput } from "@/lib/server/validation";
import { resetDatabase } from "@/tests/reset";
import { ensureDrugCatalogue } from "./catalogue";
import { dispensingView, expiringBatches, getDrugStock, listDrugs, waitingPrescriptions } from "./queries";
import { ZAdjustBatch, ZDispense, ZDrugCreate, ZReceiveBatch } from "./schemas";
import {
  acknowledgeOverride,
  adjustBatch,
  createDrug,
  dispensePrescription,
  receiveBatch,
  updateDrug,
} from "./service";

const PW = "pw-0123456789";
const NOW = new Date("2026-11-22T10:00:00Z");
const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const ctxOf = (u: { id: string; email: string }, role: Ctx["actor"]["role"]): Ctx => ({
  actor: { id: u.id, role, name: role, email: u.email },
  ip: null,
});
const err = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e,
  );

let pharmacist: Ctx, pharmacist2: Ctx, admin: Ctx, doctorId: string, patientId: string;
let amox: string, para: string;

async function drugId(genericName: string, form: string) {
  return (await db().drug.findFirstOrThrow({ where: { genericName, form } })).id;
}
async function receive(drug: string, lot: string, expiresOffset: number, quantity: number) {
  return receiveBatch(db(), admin, drug, parseInput(ZReceiveBatch, { lot, expiresOn: day(expiresOffset), quantity }));
}
/** A prescription written straight to the database (the prescribing rules are not under test here). */
async function prescribe(
  lines: { drugId: string; quantity: number }[],
  opts: { expiresInDays?: number; status?: "ACTIVE" | "REVOKED"; overrideReason?: string } = {},
) {
  return db().prescription.create({
    data: {
      patientId,
      prescriberId: doctorId,
      token: `tok-${Math.random().toString(36).slice(2)}`,
      issuedAt: NOW,
      expiresAt: new Date(NOW.getTime() + (opts.expiresInDays ?? 30) * 86_400_000),
      status: opts.status ?? "ACTIVE",
      revokedAt: opts.status === "REVOKED" ? NOW : null,
      ...(opts.overrideReason
        ? {
            overrideReason: opts.overrideReason,
            findings: [
              {
                kind: "ALLERGY_CLASS",
                severity: "high",
                drugs: ["amoxicillin"],
                message:
                  "amoxicillin is a penicillin: recorded allergy to Penicillin (severe), which covers the penicillin class.",
              },
            ],
          }
        : {}),
      items: {
        create: lines.map((l, position) => ({
          drugId: l.drugId,
          dose: "1 unit",
          route: "oral",
          frequency: "three times a day",
          durationDays: 5,
          quantity: l.quantity,
          position,
        })),
      },
    },
    include: { items: { orderBy: { position: "asc" } } },
  });
}
const dispense = (ctx: Ctx, id: string, input: unknown = {}) =>
  dispensePrescription(db(), ctx, id, parseInput(ZDispense, input));
const batchQty = async (id: string) => (await db().stockBatch.findUniqueOrThrow({ where: { id } })).quantity;

describe("pharmacy", () => {
  beforeEach(async () => {
    vi.spyOn(clock, "now").mockReturnValue(NOW);
    await resetDatabase();
    await ensureDrugCatalogue(db());
    const ph = await seedUser(db(), { email: "ph@h.org", name: "Pharma One", role: "PHARMACIST", password: PW });
    const ph2 = await seedUser(db(), { email: "ph2@h.org", name: "Pharma Two", role: "PHARMACIST", password: PW });
    const a = await seedUser(db(), { email: "a@h.org", name: "Admin", role: "ADMIN", password: PW });
    doctorId = (await seedUser(db(), { email: "d@h.org", name: "Dr Who", role: "DOCTOR", password: PW })).id;
    pharmacist = ctxOf(ph, "PHARMACIST");
    pharmacist2 = ctxOf(ph2, "PHARMACIST");
    admin = ctxOf(a, "ADMIN");
    patientId = (
      await seedPatient(db(), { firstName: "Ada", lastName: "Lovelace", dateOfBirth: "1980-01-01", sex: "female" })
    ).id;
    amox = await drugId("amoxicillin", "capsule");
    para = await drugId("paracetamol", "tablet");
  });
  afterEach(() => vi.restoreAllMocks());

  describe("dispensing", () => {
    it("dispenses in full, taking from the batch that expires first, and records which batch", async () => {
      const soon = await receive(amox, "A-SOON", 10, 8);
      const late = await receive(amox, "A-LATE", 300, 50);
      const rx = await prescribe([{ drugId: amox, quantity: 21 }]);
      const result = await dispense(pharmacist, rx.id);
      expect(result.status).toBe("DISPENSED");
      expect(result.lines).toEqual([
        { itemId: rx.items[0].id, batchId: soon.id, quantity: 8 },
        { itemId: rx.items[0].id, batchId: late.id, quantity: 13 },
      ]);
      expect([await batchQty(soon.id), await batchQty(late.id)]).toEqual([0, 37]);
      const stored = await db().prescription.findUniqueOrThrow({
        where: { id: rx.id },
        include: { items: true, dispenses: { include: { lines: true } } },
      });
      expect(stored.status).toBe("DISPENSED");
      expect(stored.items[0].dispensedQuantity).toBe(21);
      expect(stored.dispenses).toHaveLength(1);
      expect(stored.dispenses[0].pharmacistId).toBe(pharmacist.actor.id);
      const events = await db().auditEvent.findMany({ where: { entity: "Dispense" } });
      expect(events).toMatchObject([{ action: "CREATE", patientId, actorId: pharmacist.actor.id }]);
    });

    it("dispenses part of a prescription, then the rest; a third attempt is refused", async () => {
      await receive(amox, "A1", 100, 100);
      await receive(para, "P1", 100, 100);
      const rx = await prescribe([
        { drugId: amox, quantity: 21 },
        { drugId: para, quantity: 10 },
      ]);
      const first = await dispense(pharmacist, rx.id, {
        items: [
          { itemId: rx.items[0].id, quantity: 7 },
          { itemId: rx.items[1].id, quantity: 0 },
        ],
      });
      expect(first.status).toBe("PARTIALLY_DISPENSED");
      const view = await dispensingView(db(), pharmacist, rx.id);
      expect(view.items.map((i) => [i.quantity, i.dispensed, i.remaining, i.onHand])).toEqual([
        [21, 7, 14, 93],
        [10, 0, 10, 100],
      ]);
      expect(
        await err(dispense(pharmacist, rx.id, { items: [{ itemId: rx.items[0].id, quantity: 15 }] })),
      ).toMatchObject({
        code: "VALIDATION_FAILED",
        fields: { "items.0.quantity": "At most 14 remain to be dispensed" },
      });
      const rest = await dispense(pharmacist, rx.id);
      expect(rest.status).toBe("DISPENSED");
      expect(rest.lines.map((l) => l.quantity)).toEqual([14, 10]);
      expect(await err(dispense(pharmacist, rx.id))).toMatchObject({ code: "INVALID_TRANSITION" });
      expect((await dispensingView(db(), pharmacist, rx.id)).dispenses).toHaveLength(2);
    });

    it("refuses with OUT_OF_STOCK naming the drug, and writes nothing", async () => {
      const a = await receive(amox, "A1", 100, 30);
      const p = await receive(para, "P1", 100, 5);
      const rx = await prescribe([
        { drugId: amox, quantity: 21 },
        { drugId: para, quantity: 10 },
      ]);
      const e = await err(dispense(pharmacist, rx.id));
      expect(e).toMatchObject({ code: "OUT_OF_STOCK" });
      expect(e.message).toContain("paracetamol 500 mg tablet");
      expect(e.message).not.toContain("amoxicillin");
      expect([await batchQty(a.id), await batchQty(p.id)]).toEqual([30, 5]);
      expect(await db().dispense.count()).toBe(0);
      const stored = await db().prescription.findUniqueOrThrow({ where: { id: rx.id }, include: { items: true } });
      expect(stored.status).toBe("ACTIVE");
      expect(stored.items.map((i) => i.dispensedQuantity)).toEqual([0, 0]);
      expect(await db().auditEvent.count({ where: { entity: "Dispense" } })).toBe(0);
    });

    it("never uses an expired batch", async () => {
      const expired = await db().stockBatch.create({
        data: { drugId: amox, lot: "OLD", expiresOn: new Date(`${day(-1)}T00:00:00Z`), quantity: 500 },
      });
      const rx = await prescribe([{ drugId: amox, quantity: 10 }]);
      expect(await err(dispense(pharmacist, rx.id))).toMatchObject({ code: "OUT_OF_STOCK" });
      const fresh = await receive(amox, "NEW", 200, 10);
      const result = await dispense(pharmacist, rx.id);
      expect(result.lines).toEqual([{ itemId: rx.items[0].id, batchId: fresh.id, quantity: 10 }]);
      expect(await batchQty(expired.id)).toBe(500);
    });

    it("refuses revoked and expired prescriptions", async () => {
      await receive(amox, "A1", 100, 100);
      const revoked = await prescribe([{ drugId: amox, quantity: 5 }], { status: "REVOKED" });
      expect(await err(dispense(pharmacist, revoked.id))).toMatchObject({
        code: "INVALID_TRANSITION",
        message: "This prescription was revoked and cannot be dispensed.",
      });
      const rx = await prescribe([{ drugId: amox, quantity: 5 }], { expiresInDays: 30 });
      vi.spyOn(clock, "now").mockReturnValue(new Date(NOW.getTime() + 31 * 86_400_000));
      expect(await err(dispense(pharmacist, rx.id))).toMatchObject({
        code: "INVALID_TRANSITION",
        message: "This prescription has expired and cannot be dispensed.",
      });
      expect(await db().dispense.count()).toBe(0);
      expect(await err(dispense(pharmacist, "no-such-prescription"))).toMatchObject({ code: "NOT_FOUND" });
    });

    it("refuses lines that are not on the prescription", async () => {
      await receive(amox, "A1", 100, 100);
      const rx = await prescribe([{ drugId: amox, quantity: 5 }]);
      const other = await prescribe([{ drugId: amox, quantity: 5 }]);
      expect(
        await err(dispense(pharmacist, rx.id, { items: [{ itemId: other.items[0].id, quantity: 5 }] })),
      ).toMatchObject({ code: "VALIDATION_FAILED", fields: { "items.0.itemId": expect.any(String) } });
      expect(await batchQty((await db().stockBatch.findFirstOrThrow()).id)).toBe(100);
    });

    it("concurrent dispensing of the last units: exactly one wins and stock never goes negative", async () => {
      const batch = await receive(amox, "LAST", 100, 10);
      const rxs = await Promise.all(Array.from({ length: 6 }, () => prescribe([{ drugId: amox, quantity: 10 }])));
      const results = await Promise.allSettled(rxs.map((rx, i) => dispense(i % 2 ? pharmacist : pharmacist2, rx.id)));
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost.map((r) => r.reason.code)).toEqual(Array(5).fill("OUT_OF_STOCK"));
      expect(await batchQty(batch.id)).toBe(0);
      expect(await db().dispenseLine.aggregate({ _sum: { quantity: true } })).toEqual({ _sum: { quantity: 10 } });
    });

    it("the same prescription dispensed twice at once: one dispense, the other refused", async () => {
      const batch = await receive(amox, "A1", 100, 100);
      const rx = await prescribe([{ drugId: amox, quantity: 20 }]);
      const results = await Promise.allSettled([
        dispense(pharmacist, rx.id),
        dispense(pharmacist2, rx.id),
        dispense(pharmacist, rx.id),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(
        results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code),
      ).toEqual(["INVALID_TRANSITION", "INVALID_TRANSITION"]);
      expect(await batchQty(batch.id)).toBe(80);
    });
  });

  describe("stock", () => {
    it("on hand counts unexpired batches only; low stock and expiring lists", async () => {
      await receive(amox, "A-SOON", 20, 40);
      await receive(amox, "A-LATE", 400, 200);
      await db().stockBatch.create({
        data: { drugId: para, lot: "P-OLD", expiresOn: new Date(`${day(-3)}T00:00:00Z`), quantity: 900 },
      });
      await receive(para, "P-NEW", 90, 12);
      const stock = await getDrugStock(db(), para);
      expect(stock.onHand).toBe(12);
      expect(stock.lowStock).toBe(true);
      expect(stock.batches.map((b) => [b.lot, b.expired])).toEqual([
        ["P-OLD", true],
        ["P-NEW", false],
      ]);

      const low = await listDrugs(db(), { q: "", lowStock: true }, { skip: 0, take: 100 });
      expect(low.items.map((d) => d.genericName)).toContain("paracetamol");
      expect(low.items.find((d) => d.id === amox)).toBeUndefined();
      await updateDrug(db(), admin, amox, { reorderLevel: 500 });
      expect(
        (await listDrugs(db(), { q: "", lowStock: true }, { skip: 0, take: 100 })).items.find((d) => d.id === amox),
      ).toMatchObject({ onHand: 240, lowStock: true });

      const expiring = await expiringBatches(db(), 60, { skip: 0, take: 20 });
      expect(expiring.items.map((b) => [b.lot, b.expired])).toEqual([
        ["P-OLD", true],
        ["A-SOON", false],
      ]);
      expect((await expiringBatches(db(), 100, { skip: 0, take: 20 })).items.map((b) => b.lot)).toEqual([
        "P-OLD",
        "A-SOON",
        "P-NEW",
      ]);
    });

    it("searches the catalogue over generic and brand names and filters by class", async () => {
      expect(
        (await listDrugs(db(), { q: "augment", lowStock: false }, { skip: 0, take: 10 })).items.map(
          (d) => d.genericName,
        ),
      ).toEqual(["amoxicillin clavulanate"]);
      const penicillins = await listDrugs(
        db(),
        { q: "", drugClass: "penicillin", lowStock: false },
        { skip: 0, take: 2 },
      );
      expect(penicillins.total).toBe(5);
      expect(penicillins.items).toHaveLength(2);
    });

    it("adjusts a batch with a reason, audited; never below zero", async () => {
      const batch = await receive(amox, "A1", 100, 10);
      const adjusted = await adjustBatch(
        db(),
        pharmacist,
        amox,
        parseInput(ZAdjustBatch, { batchId: batch.id, delta: -4, reason: "Broken blister" }),
      );
      expect(adjusted.quantity).toBe(6);
      const e = await err(
        adjustBatch(
          db(),
          pharmacist,
          amox,
          parseInput(ZAdjustBatch, { batchId: batch.id, delta: -7, reason: "Count correction" }),
        ),
      );
      expect(e).toMatchObject({ code: "VALIDATION_FAILED", fields: { delta: expect.stringContaining("below zero") } });
      expect(await batchQty(batch.id)).toBe(6);
      const events = await db().auditEvent.findMany({ where: { entity: "StockBatch", action: "UPDATE" } });
      expect(events.map((x) => x.details)).toEqual([
        { drugId: amox, delta: -4, from: 10, to: 6, reason: "Broken blister" },
      ]);
      expect(
        await err(
          adjustBatch(
            db(),
            pharmacist,
            para,
            parseInput(ZAdjustBatch, { batchId: batch.id, delta: 1, reason: "wrong drug" }),
          ),
        ),
      ).toMatchObject({ fields: { batchId: expect.any(String) } });
      expect(parseInput.bind(null, ZAdjustBatch, { batchId: batch.id, delta: 0, reason: "x" })).toThrow();
    });

    it("the database CHECK has the last word: a batch can never hold a negative quantity", async () => {
      const batch = await receive(amox, "A1", 100, 3);
      await expect(db().$executeRaw`UPDATE "StockBatch" SET quantity = -1 WHERE id = ${batch.id}`).rejects.toThrow();
      expect(await batchQty(batch.id)).toBe(3);
    });

    it("refuses a batch that has already expired and a duplicate lot", async () => {
      expect(await err(receive(amox, "OLD", -1, 10))).toMatchObject({
        code: "VALIDATION_FAILED",
        fields: { expiresOn: expect.any(String) },
      });
      await receive(amox, "A1", 100, 10);
      expect(await err(receive(amox, "A1", 200, 10))).toMatchObject({
        code: "DUPLICATE",
        fields: { lot: "This lot is already in stock for this drug" },
      });
      expect(await db().stockBatch.count()).toBe(1);
    });

    it("adds and edits drugs; a withdrawn drug stays, marked inactive", async () => {
      const created = await createDrug(
        db(),
        admin,
        parseInput(ZDrugCreate, {
          genericName: " Cefuroxime ",
          brandName: "Zinnat",
          form: "tablet",
          strength: "250 mg",
          drugClass: "cephalosporin",
          reorderLevel: 30,
        }),
      );
      expect(created.genericName).toBe("cefuroxime");
      await updateDrug(db(), admin, created.id, { active: false });
      expect(
        (await listDrugs(db(), { q: "cefuroxime", lowStock: false, active: false }, { skip: 0, take: 10 })).items,
      ).toMatchObject([{ id: created.id, active: false }]);
      expect(await err(updateDrug(db(), admin, "nope", { active: false }))).toMatchObject({ code: "NOT_FOUND" });
      expect(
        await err(
          createDrug(
            db(),
            admin,
            parseInput(ZDrugCreate, {
              genericName: "cefuroxime",
              form: "tablet",
              strength: "250 mg",
              drugClass: "cephalosporin",
              reorderLevel: 3,
            }),
          ),
        ),
      ).toMatchObject({ code: "DUPLICATE", fields: { genericName: expect.any(String) } });
      expect(
        parseInput.bind(null, ZDrugCreate, {
          genericName: "x",
          form: "pill",
          strength: "",
          drugClass: "magic",
          reorderLevel: -1,
        }),
      ).toThrow();
    });
  });

  describe("a prescription signed despite safety findings", () => {
    it("is refused with OVERRIDE_NOT_ACKNOWLEDGED until a pharmacist acknowledges it, nothing written; then dispenses", async () => {
      const batch = await receive(amox, "A1", 100, 100);
      const rx = await prescribe([{ drugId: amox, quantity: 21 }], { overrideReason: "Tolerated amoxicillin in 2024" });
      const refused = await err(dispense(pharmacist, rx.id));
      expect(refused).toMatchObject({ code: "OVERRIDE_NOT_ACKNOWLEDGED", status: 409 });
      expect([await db().dispense.count(), await batchQty(batch.id)]).toEqual([0, 100]);

      const ack = await acknowledgeOverride(db(), pharmacist, rx.id);
      expect(ack).toEqual({
        prescriptionId: rx.id,
        acknowledgedAt: NOW.toISOString(),
        acknowledgedBy: pharmacist.actor.id,
        created: true,
      });
      const stored = await db().prescription.findUniqueOrThrow({ where: { id: rx.id } });
      expect([stored.overrideAcknowledgedById, stored.overrideAcknowledgedAt]).toEqual([pharmacist.actor.id, NOW]);
      const events = await db().auditEvent.findMany({
        where: { entity: "Prescription", entityId: rx.id, action: "UPDATE" },
      });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actorId: pharmacist.actor.id,
        patientId,
        details: { change: "override-acknowledged", overrideReason: "Tolerated amoxicillin in 2024" },
      });

      // The first acknowledgement stands: a second pharmacist's returns it and writes nothing.
      expect(await acknowledgeOverride(db(), pharmacist2, rx.id)).toMatchObject({
        acknowledgedBy: pharmacist.actor.id,
        created: false,
      });
      expect(
        await db().auditEvent.count({ where: { entity: "Prescription", entityId: rx.id, action: "UPDATE" } }),
      ).toBe(1);

      expect((await dispense(pharmacist2, rx.id)).status).toBe("DISPENSED");
      const view = await dispensingView(db(), pharmacist, rx.id);
      expect(view.override).toEqual({
        reason: "Tolerated amoxicillin in 2024",
        acknowledged: { at: NOW.toISOString(), by: "Pharma One" },
      });
      expect(view.findings).toHaveLength(1);
    });

    it("needs no acknowledgement without an override, and refuses one (INVALID_TRANSITION); the database refuses an acknowledgement without an override", async () => {
      await receive(amox, "A1", 100, 100);
      const rx = await prescribe([{ drugId: amox, quantity: 5 }]);
      expect(await err(acknowledgeOverride(db(), pharmacist, rx.id))).toMatchObject({ code: "INVALID_TRANSITION" });
      expect(await err(acknowledgeOverride(db(), pharmacist, "nope"))).toMatchObject({ code: "NOT_FOUND" });
      await expect(
        db().prescription.update({
          where: { id: rx.id },
          data: { overrideAcknowledgedAt: NOW, overrideAcknowledgedById: pharmacist.actor.id },
        }),
      ).rejects.toThrow(/Prescription_override_acknowledgement/);
      expect((await dispense(pharmacist, rx.id)).status).toBe("DISPENSED");
    });

    it("an acknowledgement and a dispense sent together are decided one after the other under the row lock", async () => {
      await receive(amox, "A1", 100, 100);
      for (let i = 0; i < 3; i++) {
        const rx = await prescribe([{ drugId: amox, quantity: 2 }], { overrideReason: "Benefit outweighs the risk" });
        const [dispensed, acked] = await Promise.allSettled([
          dispense(pharmacist2, rx.id),
          acknowledgeOverride(db(), pharmacist, rx.id),
        ]);
        expect(acked.status).toBe("fulfilled");
        const stored = await db().prescription.findUniqueOrThrow({
          where: { id: rx.id },
          include: { dispenses: true },
        });
        if (dispensed.status === "fulfilled") {
          expect(stored.overrideAcknowledgedAt).not.toBeNull();
          expect(stored.dispenses).toHaveLength(1);
        } else {
          expect(dispensed.reason).toMatchObject({ code: "OVERRIDE_NOT_ACKNOWLEDGED" });
          expect(stored.dispenses).toHaveLength(0);
        }
      }
    });

    it("is marked in the dispensing queue, oldest first, with one audit row per patient shown", async () => {
      const older = await prescribe([{ drugId: amox, quantity: 5 }], { overrideReason: "Benefit outweighs the risk" });
      await db().prescription.update({
        where: { id: older.id },
        data: { issuedAt: new Date(NOW.getTime() - 3_600_000) },
      });
      const newer = await prescribe([{ drugId: amox, quantity: 5 }]);
      const before = await db().auditEvent.count({ where: { action: "VIEW", entity: "Prescription" } });
      const queue = await waitingPrescriptions(
        db(),
        pharmacist,
        "",
        { skip: 0, take: 10, oldestFirst: true },
        "dashboard-queue",
      );
      expect(queue.items.map((r) => [r.id, r.override])).toEqual([
        [older.id, "pending"],
        [newer.id, null],
      ]);
      const views = await db().auditEvent.findMany({
        where: { action: "VIEW", entity: "Prescription" },
        orderBy: { seq: "asc" },
        skip: before,
      });
      expect(views).toHaveLength(1);
      expect(views[0]).toMatchObject({
        actorId: pharmacist.actor.id,
        patientId,
        details: { view: "dashboard-queue", list: 2 },
      });
      await acknowledgeOverride(db(), pharmacist, older.id);
      expect(
        (await waitingPrescriptions(db(), pharmacist, "", { skip: 0, take: 1, oldestFirst: true })).items[0].override,
      ).toBe("acknowledged");
    });
  });

  it("lists prescriptions waiting, newest first, searchable by patient name and MRN", async () => {
    await receive(amox, "A1", 100, 100);
    const older = await prescribe([{ drugId: amox, quantity: 5 }]);
    await db().prescription.update({
      where: { id: older.id },
      data: { issuedAt: new Date(NOW.getTime() - 3_600_000) },
    });
    const newer = await prescribe([{ drugId: amox, quantity: 5 }]);
    const done = await prescribe([{ drugId: amox, quantity: 5 }]);
    await dispense(pharmacist, done.id);
    await prescribe([{ drugId: amox, quantity: 5 }], { status: "REVOKED" });
    await prescribe([{ drugId: amox, quantity: 5 }], { expiresInDays: -1 });
    const all = await waitingPrescriptions(db(), pharmacist, "", { skip: 0, take: 10 });
    expect(all.items.map((r) => r.id)).toEqual([newer.id, older.id]);
    const mrn = (await db().patient.findUniqueOrThrow({ where: { id: patientId } })).mrn;
    expect((await waitingPrescriptions(db(), pharmacist, "lovelace", { skip: 0, take: 10 })).total).toBe(2);
    expect((await waitingPrescriptions(db(), pharmacist, mrn.toLowerCase(), { skip: 0, take: 10 })).total).toBe(2);
    expect((await waitingPrescriptions(db(), pharmacist, "Ada Smith", { skip: 0, take: 10 })).total).toBe(0);
  });
});
