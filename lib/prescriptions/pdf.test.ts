import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/i18n";
import { pdfText } from "@/tests/pdf-text";
import { buildPrescriptionPdf, pdfData, type PdfData } from "./pdf";
import type { PrescriptionDetail } from "./queries";
import { checkSafety } from "./safety";

const data = (noAllergies: string): PdfData => ({
  hospital: "City General Hospital",
  contact: { address: null, phone: null },
  number: "RX-000123",
  patient: { name: "Amina Diallo", mrn: "MRN-000123", dateOfBirth: "1980-02-01T00:00:00.000Z", allergies: noAllergies },
  prescriber: { name: "Dr Jean Martin", qualification: "MD", registrationNumber: null },
  issuedAt: "2026-03-15T10:00:00.000Z",
  expiresAt: "2026-04-14T10:00:00.000Z",
  verifyUrl: "http://localhost:3000/rx/abc",
  notice: null,
  items: [
    {
      drug: "amoxicillin 500 mg capsule",
      dose: "1 capsule",
      route: "oral",
      frequency: "3 times a day",
      durationDays: 7,
      quantity: 21,
      instructions: null,
    },
  ],
  safety: null,
});

describe("the prescription PDF in the reader's language", () => {
  it("has the French labels of the catalogue and French dates for a French reader", async () => {
    const fr = catalog("fr").prescriptions.pdf;
    const text = await pdfText(await buildPrescriptionPdf(data(fr.noAllergies), "A4", "fr"));
    for (const label of [
      fr.title.toUpperCase(),
      fr.patient.toUpperCase(),
      fr.prescriber.toUpperCase(),
      fr.validUntil.toUpperCase(),
      ...fr.head,
      fr.noAllergies,
      fr.scan,
    ]) {
      expect(text).toContain(label);
    }
    // Dates as French writes them: the day, the French month name, the year.
    for (const date of ["15 mars 2026", "14 avril 2026", "1 février 1980"]) expect(text).toContain(date);
    for (const english of ["March", "April", "February"]) expect(text).not.toContain(english);
  });

  it("keeps English for an English reader", async () => {
    const en = catalog("en").prescriptions.pdf;
    const text = await pdfText(await buildPrescriptionPdf(data(en.noAllergies), "LETTER", "en"));
    for (const words of ["PRESCRIPTION", "VALID UNTIL", "Scan to verify", "15 March 2026", "1 February 1980"])
      expect(text).toContain(words);
  });
});

describe("the PDF of a prescription signed despite safety findings", () => {
  const findings = checkSafety({
    allergies: [{ substance: "Penicillin", severity: "severe" }],
    lines: [
      { genericName: "amoxicillin", drugClass: "penicillin" },
      { genericName: "warfarin", drugClass: "vitamin-k-antagonist" },
      { genericName: "ibuprofen", drugClass: "nsaid" },
    ],
    live: [],
    catalogue: [],
  });
  const detail = (): PrescriptionDetail => ({
    id: "rx1",
    number: "RX-000123",
    status: "ACTIVE",
    issuedAt: "2026-03-15T10:00:00.000Z",
    expiresAt: "2026-04-14T10:00:00.000Z",
    revokedAt: null,
    revokeReason: null,
    overrideReason: "Tolerated amoxicillin in 2024 under observation",
    overrideAcknowledgement: null,
    findings,
    verifyUrl: "http://localhost:3000/rx/abc",
    consultationId: null,
    patient: { id: "p1", mrn: "MRN-000123", name: "Amina Diallo" },
    prescriber: { id: "d1", name: "Dr Jean Martin" },
    items: [
      {
        id: "i1",
        dose: "1 capsule",
        route: "oral",
        frequency: "3 times a day",
        durationDays: 7,
        quantity: 21,
        dispensedQuantity: 0,
        instructions: null,
        drug: { id: "a", genericName: "amoxicillin", brandName: null, form: "capsule", strength: "500 mg" },
      },
    ],
  });
  const patient = {
    dateOfBirth: new Date("1980-02-01T00:00:00Z"),
    allergies: [{ substance: "Penicillin", severity: "severe" }],
  };
  const prescriber = { qualification: "MD", registrationNumber: null };

  it("prints every finding and the prescriber's reason", async () => {
    expect(findings.map((f) => f.kind).sort()).toEqual(["ALLERGY_CLASS", "INTERACTION"]);
    const text = (
      await pdfText(await buildPrescriptionPdf(pdfData(detail(), patient, prescriber, "en"), "A4", "en"))
    ).replace(/\s+/g, " ");
    expect(text).toContain("PRESCRIBED DESPITE SAFETY FINDINGS");
    expect(text).toContain(
      "amoxicillin is a penicillin: recorded allergy to Penicillin (severe), which covers the penicillin class.",
    );
    expect(text).toContain("Warfarin with an NSAID or aspirin");
    expect(text).toContain("Tolerated amoxicillin in 2024 under observation");
    expect(text).toContain("High · Allergy (drug class)");
  });

  it("prints them in French for a French reader, allergy severity included", async () => {
    const text = (
      await pdfText(await buildPrescriptionPdf(pdfData(detail(), patient, prescriber, "fr"), "A4", "fr"))
    ).replace(/\s+/g, " ");
    expect(text).toContain("PRESCRITE MALGRÉ DES ALERTES DE SÉCURITÉ");
    expect(text).toContain(
      "amoxicillin appartient à la classe pénicilline : allergie enregistrée à Penicillin (sévère), qui couvre cette classe.",
    );
    expect(text).toContain("Warfarine avec un AINS ou l'aspirine");
    expect(text).toContain("Penicillin (sévère)");
    expect(text).toContain("Élevée · Allergie (classe médicamenteuse)");
    expect(text).not.toContain("recorded allergy");
  });

  it("prints no safety section without an override", async () => {
    const text = await pdfText(
      await buildPrescriptionPdf(
        pdfData({ ...detail(), overrideReason: null, findings: [] }, patient, prescriber, "en"),
        "A4",
        "en",
      ),
    );
    expect(text).not.toContain("SAFETY FINDINGS");
  });
});

describe("the prescription PDF in every script the patients write", () => {
  const words = "Uống sau ăn · Принимать после еды · Łódź · Ελληνικά";
  const arabic = "تناول الدواء بعد الأكل";
  const squeeze = (s: string) => s.replace(/\s+/g, "");

  it("prints names and instructions as typed, Arabic shaped and right to left (read back by pdf.js)", async () => {
    const pdf = await buildPrescriptionPdf(
      {
        ...data("None recorded"),
        patient: {
          name: "Nguyễn Thị Ánh",
          mrn: "H-000001",
          dateOfBirth: "1980-02-01T00:00:00.000Z",
          allergies: "Пенициллин",
        },
        items: [
          { ...data("").items[0], instructions: words },
          { ...data("").items[0], drug: "paracetamol 500 mg tablet", instructions: arabic },
        ],
      },
      "A4",
      "en",
    );
    const text = await pdfText(pdf);
    for (const typed of [
      words,
      "Nguyễn Thị Ánh",
      "Пенициллин",
      "paracetamol 500 mg tablet",
      "amoxicillin 500 mg capsule",
    ])
      expect(text).toContain(typed);
    // pdf.js gives right-to-left text back in logical order (it may space a lam-alef ligature).
    expect(squeeze(text)).toContain(squeeze(arabic));
  });
});

describe("the prescription's header", () => {
  it("carries the hospital's address and phone, the prescription's number and the prescriber's registration", async () => {
    const pdf = await buildPrescriptionPdf(
      {
        ...data("None recorded"),
        contact: { address: "1 Hospital Road, Springfield", phone: "+1 555 0100" },
        prescriber: { name: "Dr Jean Martin", qualification: "MD", registrationNumber: "GMC 7654321" },
      },
      "A4",
      "en",
    );
    const text = (await pdfText(pdf)).replace(/\s+/g, " ");
    for (const words of ["1 Hospital Road, Springfield · +1 555 0100", "No. RX-000123", "REGISTRATION NO. GMC 7654321"])
      expect(text).toContain(words);
  });
});
