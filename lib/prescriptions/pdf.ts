import QRCode from "qrcode";
import { catalog, INTL_TAG, type Locale } from "@/lib/i18n";
import { audit } from "@/lib/server/audit";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { font, newPdf, pdfBytes, style, text, write } from "@/lib/server/pdf";
import { notFound } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import { allergySeverityWord, localizeFindings } from "./findings";
import { routeLabel } from "./labels";
import { DETAIL, prescriptionScope, toDetail, type PrescriptionDetail } from "./queries";

// The printable prescription: hospital header, patient, prescriber, drug lines, signature line and
// the verification QR code with its URL. Unicode fonts embedded (lib/server/pdf.ts), the QR code drawn
// as vector squares. Laid out from the page's own size, so A4 and US Letter both fit. Written in
// the reader's language: labels from the catalogue, dates as that language writes them.

export type Paper = "A4" | "LETTER";

export type PdfData = {
  hospital: string;
  /** The hospital's address and phone, under its name (each optional). */
  contact: { address: string | null; phone: string | null };
  number: string;
  patient: { name: string; mrn: string; dateOfBirth: string; allergies: string };
  prescriber: { name: string; qualification: string | null; registrationNumber: string | null };
  issuedAt: string;
  expiresAt: string;
  verifyUrl: string;
  /** Printed in red under the header when the prescription can no longer be dispensed. */
  notice: string | null;
  items: {
    drug: string;
    dose: string;
    route: string;
    frequency: string;
    durationDays: number;
    quantity: number;
    instructions: string | null;
  }[];
  /** A prescription signed despite safety findings: each finding (severity and kind, sentence) and the prescriber's reason, in the reader's language. */
  safety: { findings: { label: string; message: string }[]; reason: string } | null;
};

const longDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone: env().HOSPITAL_TIMEZONE, dateStyle: "long" }).format(
    new Date(iso),
  );

/** The QR modules as horizontal runs of dark squares: [row, startColumn, length]. */
function qrRuns(text: string): { size: number; runs: [number, number, number][] } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const runs: [number, number, number][] = [];
  for (let r = 0; r < modules.size; r++) {
    let start = -1;
    for (let c = 0; c <= modules.size; c++) {
      const dark = c < modules.size && modules.get(r, c);
      if (dark && start < 0) start = c;
      if (!dark && start >= 0) {
        runs.push([r, start, c - start]);
        start = -1;
      }
    }
  }
  return { size: modules.size, runs };
}

/** Renders the PDF from plain data (no database): what the route and the benchmark call. */
export function buildPrescriptionPdf(data: PdfData, paper: Paper, locale: Locale): Promise<Buffer> {
  const t = catalog(locale).prescriptions.pdf;
  const date = (iso: string) => longDate(iso, locale);
  const doc = newPdf({
    size: paper,
    margin: 48,
    info: { Title: `${t.title} – ${data.patient.name}`, Author: data.hospital },
  });
  const done = pdfBytes(doc);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = doc.page.height - doc.page.margins.bottom;

  // Header: the hospital and how to reach it (left), the title and the prescription's number (right)
  write(doc, { weight: "bold", size: 16, color: "#0f172a" }, data.hospital, left, 48, { width: width - 160 });
  const contact = [data.contact.address, data.contact.phone].filter((c): c is string => !!c);
  if (contact.length)
    write(doc, { weight: "regular", size: 9, color: "#475569" }, contact.join(" · "), left, doc.y + 2, {
      width: width - 160,
    });
  const yLeft = doc.y;
  write(doc, { weight: "bold", size: 12, color: "#334155" }, t.title.toUpperCase(), left + width - 160, 52, {
    width: 160,
    align: "right",
  });
  write(
    doc,
    { weight: "regular", size: 9, color: "#475569" },
    `${t.number} ${data.number}`,
    left + width - 160,
    doc.y + 2,
    { width: 160, align: "right" },
  );
  let y = Math.max(yLeft, doc.y, 70) + 8;
  if (data.notice) {
    write(doc, { weight: "bold", size: 11, color: "#b91c1c" }, data.notice, left, y, { width });
    y = doc.y + 4;
  }
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(1)
    .strokeColor("#94a3b8")
    .stroke();
  y += 12;

  // Patient (left) and prescriber (right)
  const half = width / 2 - 10;
  const block = (x: number, rows: [string, string][]) => {
    let yy = y;
    for (const [label, value] of rows) {
      write(doc, { weight: "regular", size: 8, color: "#64748b" }, label.toUpperCase(), x, yy, { width: half });
      write(doc, { weight: "regular", size: 10.5, color: "#0f172a" }, value, x, doc.y + 1, { width: half });
      yy = doc.y + 6;
    }
    return yy;
  };
  const yPatient = block(left, [
    [t.patient, data.patient.name],
    [`${t.mrn} · ${t.dob}`, `${data.patient.mrn} · ${date(data.patient.dateOfBirth)}`],
    [t.allergies, data.patient.allergies],
  ]);
  const yPrescriber = block(left + width / 2 + 10, [
    [
      t.prescriber,
      data.prescriber.qualification
        ? `${data.prescriber.name}, ${data.prescriber.qualification}`
        : data.prescriber.name,
    ],
    ...(data.prescriber.registrationNumber
      ? [[t.registration, data.prescriber.registrationNumber] as [string, string]]
      : []),
    [t.date, date(data.issuedAt)],
    [t.validUntil, date(data.expiresAt)],
  ]);
  y = Math.max(yPatient, yPrescriber) + 6;

  // Drug lines
  const cols = [0.34, 0.14, 0.12, 0.22, 0.08, 0.1].map((f) => f * width);
  const xs = cols.map((_, i) => left + cols.slice(0, i).reduce((a, b) => a + b, 0));
  const header = () => {
    doc.rect(left, y, width, 18).fill("#f1f5f9");
    style(doc, { weight: "bold", size: 9, color: "#334155" });
    t.head.forEach((h, i) => text(doc, h, xs[i] + 4, y + 5, { width: cols[i] - 8, lineBreak: false }));
    y += 22;
  };
  header();
  const footerHeight = 150;
  data.items.forEach((item, n) => {
    const cells = [item.drug, item.dose, item.route, item.frequency, String(item.durationDays), String(item.quantity)];
    font(doc, "regular").fontSize(10);
    const textHeight = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: cols[i] - 8 })));
    const instructionsHeight = item.instructions
      ? doc.fontSize(9).heightOfString(item.instructions, { width: width - 8 }) + 2
      : 0;
    if (y + textHeight + instructionsHeight + 8 > bottom - (n === data.items.length - 1 ? footerHeight : 0)) {
      doc.addPage({ size: paper, margin: 48 });
      y = doc.page.margins.top;
      header();
    }
    style(doc, { weight: "regular", size: 10, color: "#0f172a" });
    cells.forEach((c, i) => text(doc, c, xs[i] + 4, y, { width: cols[i] - 8 }));
    y += textHeight + 2;
    if (item.instructions) {
      write(doc, { weight: "italic", size: 9, color: "#475569" }, item.instructions, left + 4, y, { width: width - 8 });
      y += instructionsHeight;
    }
    y += 4;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.5)
      .strokeColor("#e2e8f0")
      .stroke();
    y += 6;
  });

  // The safety override, under the lines: every finding and the prescriber's reason.
  if (data.safety) {
    const entries: [string, string][] = [
      ...data.safety.findings.map((f): [string, string] => [f.label, f.message]),
      [t.reason, data.safety.reason],
    ];
    const heightOf = ([label, message]: [string, string]) =>
      font(doc, "regular")
        .fontSize(9)
        .heightOfString(`${label}: ${message}`, { width: width - 16 }) + 3;
    const blockHeight = 28 + entries.reduce((h, e) => h + heightOf(e), 0);
    if (y + blockHeight > bottom - footerHeight) {
      doc.addPage({ size: paper, margin: 48 });
      y = doc.page.margins.top;
    }
    doc.rect(left, y, 3, blockHeight - 8).fill("#b91c1c");
    write(doc, { weight: "bold", size: 10, color: "#b91c1c" }, t.safetyTitle.toUpperCase(), left + 10, y, {
      width: width - 16,
    });
    y = doc.y + 5;
    for (const [label, message] of entries) {
      write(doc, { weight: "bold", size: 9, color: "#0f172a" }, `${label}: `, left + 10, y, {
        width: width - 16,
        continued: true,
      });
      write(doc, { weight: "regular", size: 9, color: "#0f172a" }, message);
      y = doc.y + 3;
    }
    y += 8;
  }

  // Signature (left) and QR code with its URL (right), kept together at the foot of the lines.
  if (y + footerHeight > bottom) {
    doc.addPage({ size: paper, margin: 48 });
    y = doc.page.margins.top;
  }
  const qrSide = 96;
  const qrX = left + width - qrSide;
  const top = y + 14;
  const { size, runs } = qrRuns(data.verifyUrl);
  const cell = qrSide / size;
  for (const [r, c, len] of runs) doc.rect(qrX + c * cell, top + r * cell, len * cell + 0.05, cell + 0.05);
  doc.fillColor("#000000").fill();
  write(doc, { weight: "regular", size: 7, color: "#334155" }, data.verifyUrl, left + width - 330, top + qrSide + 4, {
    width: 330,
    align: "right",
    lineBreak: false,
  });
  write(doc, { weight: "regular", size: 8, color: "#64748b" }, t.scan, qrX - 90, top + qrSide / 2 - 4, {
    width: 84,
    align: "right",
  });
  const sigY = top + 60;
  doc
    .moveTo(left, sigY)
    .lineTo(left + 200, sigY)
    .lineWidth(0.8)
    .strokeColor("#0f172a")
    .stroke();
  write(
    doc,
    { weight: "regular", size: 9, color: "#334155" },
    `${t.signature} · ${data.prescriber.name}`,
    left,
    sigY + 4,
    { width: 220 },
  );

  doc.end();
  return done;
}

/**
 * The PDF of a prescription in the actor's scope (else NOT_FOUND), from one read (the prescription
 * with the patient's date of birth and allergies and the prescriber's qualification); audited as a
 * view, the audit row written while the PDF is laid out.
 */
export async function renderPrescriptionPdf(
  prisma: Db,
  ctx: Ctx,
  id: string,
  paper: Paper,
  locale: Locale,
): Promise<Buffer> {
  const row = await prisma.prescription.findFirst({
    where: { id, ...prescriptionScope(ctx) },
    select: {
      ...DETAIL,
      patient: {
        select: {
          ...DETAIL.patient.select,
          dateOfBirth: true,
          allergies: { select: { substance: true, severity: true }, orderBy: { createdAt: "asc" } },
        },
      },
      prescriber: {
        select: { id: true, name: true, staffProfile: { select: { qualification: true, registrationNumber: true } } },
      },
    },
  });
  if (!row) throw notFound("prescription");
  const profile = row.prescriber.staffProfile;
  const data = pdfData(
    toDetail(row, clock.now()),
    row.patient,
    { qualification: profile?.qualification ?? null, registrationNumber: profile?.registrationNumber ?? null },
    locale,
  );
  const [pdf] = await Promise.all([
    buildPrescriptionPdf(data, paper, locale),
    audit(prisma, ctx, {
      action: "VIEW",
      entity: "Prescription",
      entityId: row.id,
      patientId: row.patient.id,
      details: { view: "pdf", paper },
    }),
  ]);
  return pdf;
}

export function pdfData(
  p: PrescriptionDetail,
  patient: { dateOfBirth: Date; allergies: { substance: string; severity: string | null }[] },
  prescriber: { qualification: string | null; registrationNumber: string | null },
  locale: Locale,
): PdfData {
  const m = catalog(locale).prescriptions;
  const e = env();
  return {
    hospital: e.HOSPITAL_NAME,
    contact: { address: e.HOSPITAL_ADDRESS ?? null, phone: e.HOSPITAL_PHONE ?? null },
    number: p.number,
    patient: {
      name: p.patient.name,
      mrn: p.patient.mrn,
      dateOfBirth: patient.dateOfBirth.toISOString(),
      allergies: patient.allergies.length
        ? patient.allergies
            .map((a) => (a.severity ? `${a.substance} (${allergySeverityWord(a.severity, m)})` : a.substance))
            .join(", ")
        : m.pdf.noAllergies,
    },
    prescriber: { name: p.prescriber.name, ...prescriber },
    issuedAt: p.issuedAt,
    expiresAt: p.expiresAt,
    verifyUrl: p.verifyUrl,
    notice: p.status === "ACTIVE" || p.status === "PARTIALLY_DISPENSED" ? null : m.rx.verdict[p.status],
    safety: p.overrideReason
      ? {
          findings: localizeFindings(p.findings, locale).map((f) => ({
            label: `${m.severities[f.severity]} · ${m.kinds[f.kind]}`,
            message: f.message,
          })),
          reason: p.overrideReason,
        }
      : null,
    items: p.items.map((i) => ({
      drug: `${i.drug.genericName} ${i.drug.strength} ${i.drug.form}`,
      dose: i.dose,
      route: routeLabel(i.route, m),
      frequency: i.frequency,
      durationDays: i.durationDays,
      quantity: i.quantity,
      instructions: i.instructions,
    })),
  };
}
