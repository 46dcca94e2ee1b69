import { afterEach, describe, expect, it, vi } from "vitest";
import { en } from "@/lib/i18n/en";
import { pdfText } from "@/tests/pdf-text";
import { buildInvoicePdf, buildReceiptPdf } from "./pdf";
import type { InvoiceDetail } from "./queries";

const invoice: InvoiceDetail = {
  id: "inv1",
  number: "INV-2026-000042",
  status: "open",
  currency: "USD",
  issuedAt: "2026-03-15T10:00:00.000Z",
  dueAt: "2026-04-14T10:00:00.000Z",
  patient: { id: "p1", name: "Amina Diallo", mrn: "MRN-000123" },
  total: 123456 + 4500,
  paid: 4500,
  balance: 123456,
  appointmentId: null,
  admissionId: "a1",
  voidReason: null,
  // Descriptions are stored in English when the invoice is made.
  lines: [
    {
      id: "l1",
      kind: "BED_DAY",
      description: en.billing.phrases.bedDays("Ward A"),
      quantity: 3,
      unitAmount: 41152,
      amount: 123456,
    },
    {
      id: "l2",
      kind: "LAB_TEST",
      description: en.billing.phrases.labTest("CBC"),
      quantity: 1,
      unitAmount: 4500,
      amount: 4500,
    },
  ],
  payments: [],
};

const receipt = {
  receiptNumber: "RCT-2026-000007",
  invoiceNumber: invoice.number,
  patient: "Amina Diallo",
  mrn: "MRN-000123",
  amount: 4500,
  currency: "USD",
  method: "CARD",
  reference: "T-1",
  reason: null,
  receivedAt: "2026-03-16T09:00:00.000Z",
  receivedBy: "Rita Records",
};

const flat = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("the invoice PDF in the reader's language", () => {
  it("is in French for a French reader: labels, line descriptions, date and amounts", async () => {
    const text = flat(await pdfText(await buildInvoicePdf(invoice, "fr")));
    for (const words of [
      "FACTURE INV-2026-000042",
      "N° de dossier",
      "Libellé",
      "Prix unitaire",
      "Montant",
      "Reste dû",
      "Journées d'hospitalisation, Ward A",
      "Analyse de laboratoire : CBC",
      "15 mars 2026",
      "1 234,56 $",
      "45,00 $",
    ]) {
      expect(text).toContain(words);
    }
    for (const english of ["INVOICE", "Balance", "Unit price", "Bed-days", "March"])
      expect(text).not.toContain(english);
  });

  it("stays in English for an English reader", async () => {
    const text = await pdfText(await buildInvoicePdf(invoice, "en"));
    for (const words of [
      "INVOICE INV-2026-000042",
      "Unit price",
      "Balance",
      "Bed-days, Ward A",
      "15 March 2026",
      "$1,234.56",
    ])
      expect(text).toContain(words);
  });

  it("prints a French receipt: the method, the amount received and who received it", async () => {
    const text = flat(await pdfText(await buildReceiptPdf(receipt, "fr")));
    for (const words of [
      "REÇU RCT-2026-000007",
      "Carte bancaire",
      "MONTANT REÇU",
      "45,00 $",
      "16 mars 2026",
      "REÇU PAR",
      "Rita Records",
    ])
      expect(text).toContain(words);
    expect(text).not.toContain("Card");
  });
});

describe("the invoice and the receipt in every script the patients write", () => {
  const words = "Uống sau ăn · Принимать после еды · Łódź · Ελληνικά";
  const arabic = "فاطمة الزهراء";
  const squeeze = (s: string) => s.replace(/\s+/g, "");

  it("print Vietnamese, Cyrillic, Polish, Greek and Arabic as typed (read back by pdf.js)", async () => {
    const inv = {
      ...invoice,
      patient: { ...invoice.patient, name: arabic },
      lines: [{ ...invoice.lines[0], description: words }],
    };
    const text = await pdfText(await buildInvoicePdf(inv, "en"));
    expect(text).toContain(words);
    expect(squeeze(text)).toContain(squeeze(arabic));
    // A half-page field: the reference wraps onto two lines.
    const r = (
      await pdfText(await buildReceiptPdf({ ...receipt, patient: `Nguyễn Thị Ánh`, reference: words }, "fr"))
    ).replace(/\s+/g, " ");
    expect(r).toContain("Nguyễn Thị Ánh");
    expect(r).toContain(words);
  });
});

describe("the invoice's header and terms", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("carries the hospital's address, phone and tax id, and the date payment is due", async () => {
    vi.stubEnv("HOSPITAL_ADDRESS", "12 Rue de la Santé, 75013 Paris");
    vi.stubEnv("HOSPITAL_PHONE", "+33 1 23 45 67 89");
    vi.stubEnv("HOSPITAL_TAX_ID", "FR40303265045");
    vi.resetModules(); // the configuration is read once per module instance
    const { buildInvoicePdf, buildReceiptPdf } = await import("./pdf");
    const text = flat((await pdfText(await buildInvoicePdf(invoice, "fr"))).replace(/\s+/g, " "));
    for (const words of [
      "12 Rue de la Santé, 75013 Paris",
      "+33 1 23 45 67 89",
      "N° d'identification fiscale FR40303265045",
      "À RÉGLER AVANT LE",
      "14 avril 2026",
    ])
      expect(text).toContain(words);
    const receiptText = flat((await pdfText(await buildReceiptPdf(receipt, "en"))).replace(/\s+/g, " "));
    expect(receiptText).toContain("Tax ID FR40303265045");
  });
});
