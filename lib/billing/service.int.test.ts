import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedPatient, seedUser } from "@/prisma/builders";
import { ZDrugUpdate } from "@/lib/pharmacy/schemas";
import { updateDrug } from "@/lib/pharmacy/service";
import { ZWard, ZWardPatch } from "@/lib/wards/schemas";
import { createWard, updateWard } from "@/lib/wards/service";
import { db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import { parseInput } from "@/lib/server/validation";
import { resetDatabase } from "@/tests/reset";
import { renderInvoicePdf, renderReceiptPdf } from "./pdf";
import { pdfText } from "@/tests/pdf-text";
import { getInvoice, listInvoices, uninvoiced } from "./queries";
import { ZCreateInvoice, ZPayment, ZRefund } from "./schemas";
import { addLines, createInvoice, refundPayment, takePayment, voidInvoice } from "./service";

const PW = "pw-0123456789";
const ctxOf = (u: { id: string; email: string }, role: Ctx["actor"]["role"]): Ctx => ({
  actor: { id: u.id, role, name: role, email: u.email },
  ip: null,
});
const err = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e,
  );
const HOUR = 60 * 60 * 1000;

let records: Ctx, patientCtx: Ctx, otherPatientCtx: Ctx;
let doctorId: string, patientId: string, appointmentId: string;

const create = (input: unknown) => createInvoice(db(), records, parseInput(ZCreateInvoice, input));
const pay = (invoiceId: string, amount: number, ctx = records) =>
  takePayment(db(), ctx, parseInput(ZPayment, { invoiceId, amount, method: "CASH" }));

/** A completed visit with a signed consultation, two lab orders (one cancelled) and one dispense of 10 tablets. */
async function visitWithCare() {
  const start = new Date(Date.now() - 3 * HOUR);
  const appt = await db().appointment.create({
    data: { patientId, doctorId, startsAt: start, endsAt: new Date(start.getTime() + HOUR / 2), status: "COMPLETED" },
  });
  const c = await db().consultation.create({ data: { patientId, doctorId, appointmentId: appt.id } });
  const test = await db().labTest.create({ data: { code: "CBC", name: "Full blood count", price: 2500 } });
  await db().labOrder.create({ data: { patientId, orderedById: doctorId, consultationId: c.id, testId: test.id } });
  await db().labOrder.create({
    data: { patientId, orderedById: doctorId, consultationId: c.id, testId: test.id, status: "CANCELLED" },
  });
  const drug = await db().drug.create({
    data: { genericName: "Amoxicillin", form: "capsule", strength: "500 mg", drugClass: "penicillin", unitPrice: 120 },
  });
  const batch = await db().stockBatch.create({
    data: { drugId: drug.id, lot: "L1", expiresOn: new Date("2030-01-01"), quantity: 100 },
  });
  const rx = await db().prescription.create({
    data: {
      patientId,
      prescriberId: doctorId,
      consultationId: c.id,
      token: "tok-1",
      expiresAt: new Date(Date.now() + 30 * 24 * HOUR),
      items: {
        create: {
          drugId: drug.id,
          dose: "1",
          route: "oral",
          frequency: "tid",
          durationDays: 5,
          quantity: 15,
          dispensedQuantity: 10,
        },
      },
    },
    include: { items: true },
  });
  await db().dispense.create({
    data: {
      prescriptionId: rx.id,
      pharmacistId: doctorId,
      lines: { create: { itemId: rx.items[0].id, batchId: batch.id, quantity: 10 } },
    },
  });
  return { appointmentId: appt.id, consultationId: c.id };
}

describe("billing", () => {
  beforeEach(async () => {
    vi.restoreAllMocks();
    await resetDatabase();
    const r = await seedUser(db(), { email: "r@h.org", name: "Records", role: "RECORDS_OFFICER", password: PW });
    const d = await seedUser(db(), { email: "d@h.org", name: "Dr Heart", role: "DOCTOR", password: PW });
    await db().staffProfile.update({ where: { userId: d.id }, data: { consultationFee: 5000 } });
    const pu = await seedUser(db(), { email: "p@h.org", name: "Pat", role: "PATIENT", password: PW });
    const ou = await seedUser(db(), { email: "o@h.org", name: "Oth", role: "PATIENT", password: PW });
    records = ctxOf(r, "RECORDS_OFFICER");
    patientCtx = ctxOf(pu, "PATIENT");
    otherPatientCtx = ctxOf(ou, "PATIENT");
    doctorId = d.id;
    patientId = (
      await seedPatient(db(), {
        firstName: "Pat",
        lastName: "Ient",
        dateOfBirth: "1980-01-01",
        sex: "female",
        userId: pu.id,
      })
    ).id;
    await seedPatient(db(), {
      firstName: "Oth",
      lastName: "Er",
      dateOfBirth: "1981-01-01",
      sex: "male",
      userId: ou.id,
    });
    ({ appointmentId } = await visitWithCare());
  });

  it("builds a visit's invoice from the consultation fee, lab orders and medicines dispensed, and audits it", async () => {
    const { id, number } = await create({ appointmentId });
    expect(number).toMatch(/^INV-\d{6}$/);
    const inv = await getInvoice(db(), records, id);
    expect(inv.lines.map((l) => [l.kind, l.quantity, l.unitAmount, l.amount])).toEqual([
      ["CONSULTATION", 1, 5000, 5000],
      ["LAB_TEST", 1, 2500, 2500],
      ["DRUG", 10, 120, 1200],
    ]);
    expect(inv).toMatchObject({ total: 8700, paid: 0, balance: 8700, status: "open", currency: "USD" });
    // Due INVOICE_DUE_DAYS (30 by default) after it was issued.
    expect(new Date(inv.dueAt).getTime() - new Date(inv.issuedAt).getTime()).toBe(30 * 86_400_000);
    expect(
      await db().auditEvent.count({ where: { entity: "Invoice", entityId: id, action: "CREATE", patientId } }),
    ).toBe(1);
  });

  it("bills each source once: a second invoice for the visit is 409 DUPLICATE", async () => {
    expect((await uninvoiced(db())).appointments.map((a) => a.id)).toEqual([appointmentId]);
    await create({ appointmentId });
    expect((await uninvoiced(db())).appointments).toEqual([]);
    expect(await err(create({ appointmentId }))).toMatchObject({
      code: "DUPLICATE",
      status: 409,
      message: "Already invoiced",
    });
    expect(await db().invoice.count()).toBe(1);
  });

  it("refuses a visit that is not completed", async () => {
    const appt = await db().appointment.create({
      data: {
        patientId,
        doctorId,
        startsAt: new Date(Date.now() + 24 * HOUR),
        endsAt: new Date(Date.now() + 25 * HOUR),
      },
    });
    expect(await err(create({ appointmentId: appt.id }))).toMatchObject({ code: "INVALID_TRANSITION" });
  });

  describe("stays, by the hospital's midnight rule (HOSPITAL_TIMEZONE, UTC here)", () => {
    const t = (iso: string) => new Date(iso);
    let rooms = 0;
    const bedIn = async (wardId: string) =>
      (
        await db().bed.create({
          data: { label: "1", room: { create: { wardId, name: `R${++rooms}`, type: "SHARED", capacity: 2 } } },
        })
      ).id;
    async function stay(admittedAt: Date, beds: { wardId: string; until: Date | null }[], dischargedAt: Date | null) {
      const adm = await db().admission.create({
        data: {
          patientId,
          attendingDoctorId: doctorId,
          reason: "Observation",
          admittedAt,
          admittedById: records.actor.id,
          dischargedAt,
        },
      });
      let from = admittedAt;
      for (const b of beds) {
        await db().bedAssignment.create({
          data: { admissionId: adm.id, bedId: await bedIn(b.wardId), startsAt: from, endsAt: b.until },
        });
        if (b.until) from = b.until;
      }
      return adm.id;
    }
    const bedLines = async (id: string) =>
      (await getInvoice(db(), records, id)).lines
        .filter((l) => l.kind === "BED_DAY")
        .map((l) => [l.description, l.quantity, l.amount]);
    let wardId: string, icuId: string;
    beforeEach(async () => {
      wardId = (await db().ward.create({ data: { name: "Ward A", type: "GENERAL", bedDayRate: 10000 } })).id;
      icuId = (await db().ward.create({ data: { name: "ICU", type: "ICU", bedDayRate: 30000 } })).id;
    });

    it("bills nights per ward, one for each midnight passed, skipping what its visit already billed", async () => {
      // Ward A from 1 Nov 10:00 to 2 Nov 12:00 (the midnight of 2 Nov), then the ICU to 3 Nov 14:00 (the midnight of 3 Nov).
      const adm = await stay(
        t("2026-11-01T10:00:00Z"),
        [
          { wardId, until: t("2026-11-02T12:00:00Z") },
          { wardId: icuId, until: t("2026-11-03T14:00:00Z") },
        ],
        t("2026-11-03T14:00:00Z"),
      );
      await db().consultation.updateMany({ data: { createdAt: t("2026-11-01T11:00:00Z") } });
      await create({ appointmentId });
      const { id } = await create({ admissionId: adm });
      // Started days would have made this 2 + 2 bed-days for a stay of 2 nights.
      expect(await bedLines(id)).toEqual([
        ["Bed-days, ICU", 1, 30000],
        ["Bed-days, Ward A", 1, 10000],
      ]);
      expect(await db().stayBillingPeriod.findUnique({ where: { invoiceId: id } })).toMatchObject({
        nights: 2,
        final: true,
      });
    });

    it("bills a 32-minute stay 0 nights (no minimum charge) and a stay across midnight 1 night", async () => {
      const short = await stay(
        t("2026-11-05T10:00:00Z"),
        [{ wardId, until: t("2026-11-05T10:32:00Z") }],
        t("2026-11-05T10:32:00Z"),
      );
      expect(await bedLines((await create({ admissionId: short })).id)).toEqual([]);
      const overnight = await stay(
        t("2026-11-06T23:50:00Z"),
        [{ wardId, until: t("2026-11-07T00:22:00Z") }],
        t("2026-11-07T00:22:00Z"),
      );
      expect(await bedLines((await create({ admissionId: overnight })).id)).toEqual([["Bed-days, Ward A", 1, 10000]]);
    });

    it("invoices a stay when discharged, or in interim parts up to a midnight, never billing a night twice", async () => {
      const adm = await stay(t("2026-11-01T10:00:00Z"), [{ wardId, until: null }], null);
      expect(await err(create({ admissionId: adm }))).toMatchObject({
        code: "INVALID_TRANSITION",
        status: 409,
        fields: { upTo: expect.stringContaining("still admitted") },
      });
      expect(await err(create({ admissionId: adm, upTo: "2999-01-01" }))).toMatchObject({ code: "VALIDATION_FAILED" });
      // Interim up to 3 Nov 00:00: the midnights of 2 and 3 Nov.
      const interim = await create({ admissionId: adm, upTo: "2026-11-03" });
      expect(await bedLines(interim.id)).toEqual([["Bed-days, Ward A", 2, 20000]]);
      expect(await err(create({ admissionId: adm, upTo: "2026-11-03" }))).toMatchObject({
        code: "DUPLICATE",
        message: "This stay is already billed up to 2026-11-03",
      });
      expect(await err(create({ admissionId: adm, upTo: "2026-11-02" }))).toMatchObject({ code: "DUPLICATE" });
      // Discharged on 5 Nov 09:00: the final invoice bills the rest, the midnights of 4 and 5 Nov.
      await db().bedAssignment.updateMany({ where: { admissionId: adm }, data: { endsAt: t("2026-11-05T09:00:00Z") } });
      await db().admission.update({ where: { id: adm }, data: { dischargedAt: t("2026-11-05T09:00:00Z") } });
      expect((await uninvoiced(db())).admissions.map((a) => a.id)).toContain(adm);
      const final = await create({ admissionId: adm });
      expect(await bedLines(final.id)).toEqual([["Bed-days, Ward A", 2, 20000]]);
      expect(await err(create({ admissionId: adm }))).toMatchObject({ code: "DUPLICATE", status: 409 });
      expect((await uninvoiced(db())).admissions.map((a) => a.id)).not.toContain(adm);
      expect(
        (await db().stayBillingPeriod.findMany({ where: { admissionId: adm }, orderBy: { toAt: "asc" } })).map((p) => [
          p.fromAt.toISOString(),
          p.toAt.toISOString(),
          p.nights,
          p.final,
        ]),
      ).toEqual([
        ["2026-11-01T10:00:00.000Z", "2026-11-03T00:00:00.000Z", 2, false],
        ["2026-11-03T00:00:00.000Z", "2026-11-05T09:00:00.000Z", 2, true],
      ]);
    });

    it("lets only one of two racing invoices of the same nights through, and the database refuses overlapping periods", async () => {
      const adm = await stay(
        t("2026-11-01T10:00:00Z"),
        [{ wardId, until: t("2026-11-04T10:00:00Z") }],
        t("2026-11-04T10:00:00Z"),
      );
      const results = await Promise.allSettled([
        create({ admissionId: adm }),
        create({ admissionId: adm, upTo: "2026-11-03" }),
        create({ admissionId: adm }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      expect(won.length).toBeGreaterThanOrEqual(1);
      expect(
        await db().stayBillingPeriod.aggregate({ where: { admissionId: adm }, _sum: { nights: true } }),
      ).toMatchObject({ _sum: { nights: 3 } });
      for (const r of results.filter((x): x is PromiseRejectedResult => x.status === "rejected"))
        expect(r.reason.code).toBe("DUPLICATE");
      const invoiceId = (
        await db().invoice.create({
          data: { patientId, admissionId: adm, currency: "USD", createdById: records.actor.id },
        })
      ).id;
      await expect(
        db().stayBillingPeriod.create({
          data: {
            admissionId: adm,
            invoiceId,
            fromAt: t("2026-11-02T00:00:00Z"),
            toAt: t("2026-11-02T12:00:00Z"),
            nights: 0,
            final: false,
          },
        }),
      ).rejects.toThrow(/StayBillingPeriod_no_overlap/);
    });
  });

  it("takes partial payments down to a zero balance and refuses an overpayment", async () => {
    const { id } = await create({ appointmentId });
    await pay(id, 3000);
    expect(await getInvoice(db(), records, id)).toMatchObject({ paid: 3000, balance: 5700, status: "open" });
    expect(await err(pay(id, 5701))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { amount: "The amount is more than the balance due" },
    });
    const receipt = await pay(id, 5700);
    expect(receipt.receiptNumber).toMatch(/^RCPT-\d{6}$/);
    expect(await getInvoice(db(), records, id)).toMatchObject({ paid: 8700, balance: 0, status: "paid" });
    expect((await listInvoices(db(), records, { status: "paid" }, { skip: 0, take: 10 })).total).toBe(1);
    expect((await listInvoices(db(), records, { status: "open" }, { skip: 0, take: 10 })).total).toBe(0);
    expect(await db().auditEvent.count({ where: { entity: "Payment", patientId } })).toBe(2);
  });

  it("refunds at most what remains of a payment, as negative payments", async () => {
    const { id } = await create({ appointmentId });
    const payment = await pay(id, 5000);
    await refundPayment(db(), records, payment.id, parseInput(ZRefund, { amount: 2000, reason: "Lab test not done" }));
    expect(
      await err(refundPayment(db(), records, payment.id, parseInput(ZRefund, { amount: 3001, reason: "Too much" }))),
    ).toMatchObject({ code: "VALIDATION_FAILED" });
    const last = await refundPayment(
      db(),
      records,
      payment.id,
      parseInput(ZRefund, { amount: 3000, reason: "All of it" }),
    );
    expect(
      await err(refundPayment(db(), records, last.id, parseInput(ZRefund, { amount: 1, reason: "Refund a refund" }))),
    ).toMatchObject({ code: "INVALID_TRANSITION" });
    const inv = await getInvoice(db(), records, id);
    expect(inv).toMatchObject({ paid: 0, balance: 8700 });
    expect(inv.payments.map((p) => p.amount)).toEqual([5000, -2000, -3000]);
    expect(inv.payments[0].refundable).toBe(0);
  });

  it("never lets concurrent payments on one invoice exceed its total", async () => {
    const { id } = await create({ appointmentId });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => pay(id, 2000)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(4);
    expect(await getInvoice(db(), records, id)).toMatchObject({ paid: 8000, balance: 700 });
  });

  it("adds staff lines, invoices a patient directly, and voids only an invoice without payments", async () => {
    const { id } = await create({
      patientId,
      lines: [{ description: "Medical certificate", quantity: 1, unitAmount: 1500 }],
    });
    await addLines(db(), records, id, [{ description: "Copy of records", quantity: 2, unitAmount: 500 }]);
    expect(await getInvoice(db(), records, id)).toMatchObject({ total: 2500 });
    await voidInvoice(db(), records, id, "Issued by mistake");
    expect(await getInvoice(db(), records, id)).toMatchObject({ status: "void", voidReason: "Issued by mistake" });
    expect(await err(pay(id, 100))).toMatchObject({ code: "INVALID_TRANSITION" });
    const visit = await create({ appointmentId });
    await pay(visit.id, 100);
    expect(await err(voidInvoice(db(), records, visit.id, "Changed my mind"))).toMatchObject({
      code: "INVALID_TRANSITION",
    });
  });

  it("takes drug and bed-day prices edited by admins through the catalogue APIs' schemas", async () => {
    const admin = ctxOf(
      await seedUser(db(), { email: "a@h.org", name: "Admin", role: "ADMIN", password: PW }),
      "ADMIN",
    );
    const drug = await db().drug.findFirstOrThrow();
    await updateDrug(db(), admin, drug.id, parseInput(ZDrugUpdate, { unitPrice: 150 }));
    const ward = await createWard(
      db(),
      admin,
      parseInput(ZWard, { name: "Ward B", type: "GENERAL", bedDayRate: 9000 }),
    );
    await updateWard(db(), admin, ward.id, parseInput(ZWardPatch, { bedDayRate: 9500 }));
    expect(await db().drug.findUniqueOrThrow({ where: { id: drug.id } })).toMatchObject({ unitPrice: 150 });
    expect(await db().ward.findUniqueOrThrow({ where: { id: ward.id } })).toMatchObject({ bedDayRate: 9500 });
    expect(() => parseInput(ZWardPatch, { bedDayRate: -1 })).toThrow();
    const { id } = await create({ appointmentId });
    expect((await getInvoice(db(), records, id)).lines.find((l) => l.kind === "DRUG")).toMatchObject({
      unitAmount: 150,
      amount: 1500,
    });
  });

  it("shows a patient only their own invoices", async () => {
    const { id } = await create({ appointmentId });
    expect((await getInvoice(db(), patientCtx, id)).id).toBe(id);
    expect(await err(getInvoice(db(), otherPatientCtx, id))).toMatchObject({ code: "NOT_FOUND" });
    expect((await listInvoices(db(), otherPatientCtx, {}, { skip: 0, take: 10 })).total).toBe(0);
    expect((await listInvoices(db(), patientCtx, { q: "ient" }, { skip: 0, take: 10 })).total).toBe(1);
  });

  it("rejects bad input field by field", () => {
    expect(() => parseInput(ZPayment, { invoiceId: "x", amount: -5, method: "GOLD" })).toThrow(
      expect.objectContaining({ fields: { amount: expect.any(String), method: expect.any(String) } }),
    );
  });
});

describe("billing PDFs", () => {
  it("prints the invoice and a receipt as PDFs, each read audited", async () => {
    await resetDatabase();
    const r = await seedUser(db(), { email: "r@h.org", name: "Records", role: "RECORDS_OFFICER", password: PW });
    const ctx = ctxOf(r, "RECORDS_OFFICER");
    const pid = (
      await seedPatient(db(), { firstName: "Pat", lastName: "Ient", dateOfBirth: "1980-01-01", sex: "female" })
    ).id;
    const { id } = await createInvoice(
      db(),
      ctx,
      parseInput(ZCreateInvoice, {
        patientId: pid,
        lines: [{ description: "Dressing", quantity: 3, unitAmount: 450 }],
      }),
    );
    const payment = await takePayment(
      db(),
      ctx,
      parseInput(ZPayment, { invoiceId: id, amount: 1000, method: "CARD", reference: "T-1" }),
    );
    const invoice = await renderInvoicePdf(db(), ctx, id, "en");
    const receipt = await renderReceiptPdf(db(), ctx, payment.id, "fr");
    expect(invoice.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(receipt.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(receipt.number).toBe(payment.receiptNumber);
    expect(await pdfText(invoice.pdf)).toContain("Dressing");
    expect(await pdfText(receipt.pdf)).toContain("Carte bancaire");
    expect(await db().auditEvent.count({ where: { action: "VIEW", patientId: pid } })).toBe(2);
  });
});
