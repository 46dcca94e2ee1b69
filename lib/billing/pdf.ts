import { catalog, INTL_TAG, type Locale } from "@/lib/i18n";
import { lineDescription } from "./line-text";
import { audit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { font, newPdf, pdfBytes, style, text, write } from "@/lib/server/pdf";
import { notFound } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import { formatMoney } from "./money";
import { getInvoice, invoiceScope, type InvoiceDetail } from "./queries";

// The printable invoice and payment receipt: hospital header, patient, lines or the amount, with
// Unicode fonts embedded (lib/server/pdf.ts). A4. Written in the reader's language: labels from the
// catalogue, dates and amounts formatted the way that language writes them.

const day = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone: env().HOSPITAL_TIMEZONE, dateStyle: "long" }).format(
    new Date(iso),
  );

/**
 * A document with the hospital header (its name, then address, phone and tax id when configured)
 * and a title; `finish` ends it and resolves to its bytes.
 */
function startDoc(title: string, locale: Locale) {
  const e = env();
  const t = catalog(locale).billing.pdf;
  const doc = newPdf({ size: "A4", margin: 48, info: { Title: title, Author: e.HOSPITAL_NAME } });
  const done = pdfBytes(doc);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  write(doc, { weight: "bold", size: 16, color: "#0f172a" }, e.HOSPITAL_NAME, left, 48, { width: width - 200 });
  const contact = [e.HOSPITAL_ADDRESS, e.HOSPITAL_PHONE, e.HOSPITAL_TAX_ID && `${t.taxId} ${e.HOSPITAL_TAX_ID}`].filter(
    (c): c is string => !!c,
  );
  if (contact.length)
    write(doc, { weight: "regular", size: 9, color: "#475569" }, contact.join(" · "), left, doc.y + 2, {
      width: width - 200,
    });
  const yLeft = doc.y;
  write(doc, { weight: "bold", size: 12, color: "#334155" }, title.toUpperCase(), left + width - 200, 52, {
    width: 200,
    align: "right",
  });
  const y = Math.max(yLeft, doc.y, 70) + 8;
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(1)
    .strokeColor("#94a3b8")
    .stroke();
  const field = (label: string, value: string, x: number, yy: number, w: number) => {
    write(doc, { weight: "regular", size: 8, color: "#64748b" }, label.toUpperCase(), x, yy, { width: w });
    write(doc, { weight: "regular", size: 10.5, color: "#0f172a" }, value, x, doc.y + 1, { width: w });
    return doc.y + 6;
  };
  const finish = () => {
    doc.end();
    return done;
  };
  return { doc, left, width, y: y + 12, field, finish };
}

export function buildInvoicePdf(inv: InvoiceDetail, locale: Locale): Promise<Buffer> {
  const m = catalog(locale).billing;
  const t = m.pdf;
  const { doc, left, width, y: top, field, finish } = startDoc(m.phrases.invoiceTitle(inv.number), locale);
  const money = (n: number) => formatMoney(n, inv.currency, locale);
  const half = width / 2 - 10;
  let y = field(t.patient, `${inv.patient.name} · ${t.mrn} ${inv.patient.mrn}`, left, top, half);
  const yDate = field(t.date, day(inv.issuedAt, locale), left + width / 2 + 10, top, half);
  y =
    Math.max(
      y,
      inv.status === "void" ? yDate : field(t.due, day(inv.dueAt, locale), left + width / 2 + 10, yDate, half),
    ) + 6;
  if (inv.status === "void") {
    write(doc, { weight: "bold", size: 14, color: "#b91c1c" }, t.void, left, y, { width });
    y = doc.y + 6;
  }
  const cols = [0.55, 0.1, 0.17, 0.18].map((f) => f * width);
  const xs = cols.map((_, i) => left + cols.slice(0, i).reduce((a, b) => a + b, 0));
  const header = () => {
    doc.rect(left, y, width, 18).fill("#f1f5f9");
    style(doc, { weight: "bold", size: 9, color: "#334155" });
    t.head.forEach((h, i) =>
      text(doc, h, xs[i] + 4, y + 5, { width: cols[i] - 8, lineBreak: false, align: i ? "right" : "left" }),
    );
    y += 22;
  };
  header();
  const bottom = doc.page.height - doc.page.margins.bottom;
  for (const l of inv.lines) {
    // Line descriptions were written in English when the invoice was made ("Bed-days, Ward A").
    const cells = [lineDescription(l, locale), String(l.quantity), money(l.unitAmount), money(l.amount)];
    font(doc, "regular").fontSize(10);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: cols[i] - 8 })));
    if (y + h + 8 > bottom - 80) {
      doc.addPage({ size: "A4", margin: 48 });
      y = doc.page.margins.top;
      header();
    }
    doc.fillColor("#0f172a");
    cells.forEach((c, i) => text(doc, c, xs[i] + 4, y, { width: cols[i] - 8, align: i ? "right" : "left" }));
    y += h + 4;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.5)
      .strokeColor("#e2e8f0")
      .stroke();
    y += 6;
  }
  y += 6;
  for (const [label, value, bold] of [
    [t.total, inv.total, true],
    [t.paid, inv.paid, false],
    [t.balance, inv.balance, true],
  ] as const) {
    style(doc, { weight: bold ? "bold" : "regular", size: 11, color: "#0f172a" });
    text(doc, label, xs[2], y, { width: cols[2] - 8, align: "right" });
    text(doc, money(value), xs[3] + 4, y, { width: cols[3] - 8, align: "right" });
    y = doc.y + 4;
  }
  return finish();
}

export type ReceiptData = {
  receiptNumber: string;
  invoiceNumber: string;
  patient: string;
  mrn: string;
  amount: number;
  currency: string;
  method: string;
  reference: string | null;
  reason: string | null;
  receivedAt: string;
  receivedBy: string;
};

export function buildReceiptPdf(r: ReceiptData, locale: Locale): Promise<Buffer> {
  const m = catalog(locale).billing;
  const t = m.pdf;
  const { left, width, y: top, field, finish } = startDoc(m.phrases.receiptTitle(r.receiptNumber), locale);
  const half = width / 2 - 10;
  let y = field(t.patient, `${r.patient} · ${t.mrn} ${r.mrn}`, left, top, half);
  y = field(t.forInvoice, r.invoiceNumber, left, y, half);
  y = field(t.method, m.methods[r.method as keyof typeof m.methods] ?? r.method, left, y, half);
  if (r.reference) y = field(t.reference, r.reference, left, y, half);
  if (r.reason) field(m.detail.refundReason, r.reason, left, y, half);
  let yr = field(
    r.amount < 0 ? t.refunded : t.amount,
    formatMoney(Math.abs(r.amount), r.currency, locale),
    left + width / 2 + 10,
    top,
    half,
  );
  yr = field(t.date, day(r.receivedAt, locale), left + width / 2 + 10, yr, half);
  field(t.receivedBy, r.receivedBy, left + width / 2 + 10, yr, half);
  return finish();
}

/** The invoice PDF in the actor's scope (else NOT_FOUND), in the reader's language; the read is audited by getInvoice. */
export async function renderInvoicePdf(
  prisma: Db,
  ctx: Ctx,
  id: string,
  locale: Locale,
): Promise<{ number: string; pdf: Buffer }> {
  const inv = await getInvoice(prisma, ctx, id);
  return { number: inv.number, pdf: await buildInvoicePdf(inv, locale) };
}

/** The receipt of a payment or refund in the actor's scope (else NOT_FOUND), in the reader's language, audited as a view. */
export async function renderReceiptPdf(
  prisma: Db,
  ctx: Ctx,
  paymentId: string,
  locale: Locale,
): Promise<{ number: string; pdf: Buffer }> {
  const p = await prisma.payment.findFirst({
    where: { id: paymentId, invoice: invoiceScope(ctx) },
    include: {
      invoice: {
        select: {
          number: true,
          currency: true,
          patient: { select: { id: true, firstName: true, lastName: true, mrn: true } },
        },
      },
    },
  });
  if (!p) throw notFound("payment");
  const staff = await prisma.user.findUnique({ where: { id: p.receivedById }, select: { name: true } });
  const patient = p.invoice.patient;
  const [pdf] = await Promise.all([
    buildReceiptPdf(
      {
        receiptNumber: p.receiptNumber,
        invoiceNumber: p.invoice.number,
        patient: `${patient.firstName} ${patient.lastName}`,
        mrn: patient.mrn,
        amount: p.amount,
        currency: p.invoice.currency,
        method: p.method,
        reference: p.reference,
        reason: p.reason,
        receivedAt: p.receivedAt.toISOString(),
        receivedBy: staff?.name ?? "",
      },
      locale,
    ),
    audit(prisma, ctx, {
      action: "VIEW",
      entity: "Payment",
      entityId: p.id,
      patientId: patient.id,
      details: { view: "receipt" },
    }),
  ]);
  return { number: p.receiptNumber, pdf };
}

/** The HTTP response of a PDF download. */
export function pdfResponse(pdf: Buffer, filename: string): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
