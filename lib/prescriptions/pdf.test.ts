import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/i18n";
import { pdfText } from "@/tests/pdf-text";
import { buildPrescriptionPdf, type PdfData } from "./pdf";

const data = (noAllergies: string): PdfData => ({
  hospital: "City General Hospital",
  patient: { name: "Amina Diallo", mrn: "MRN-000123", dateOfBirth: "1980-02-01T00:00:00.000Z", allergies: noAllergies },
  prescriber: { name: "Dr Jean Martin", qualification: "MD" },
  issuedAt: "2026-03-15T10:00:00.000Z",
  expiresAt: "2026-04-14T10:00:00.000Z",
  verifyUrl: "http://localhost:3000/rx/abc",
  notice: null,
  items: [{ drug: "amoxicillin 500 mg capsule", dose: "1 capsule", route: "oral", frequency: "3 times a day", durationDays: 7, quantity: 21, instructions: null }],
});

describe("the prescription PDF in the reader's language", () => {
  it("has the French labels of the catalogue and French dates for a French reader", async () => {
    const fr = catalog("fr").prescriptions.pdf;
    const text = pdfText(await buildPrescriptionPdf(data(fr.noAllergies), "A4", "fr"));
    for (const label of [fr.title.toUpperCase(), fr.patient.toUpperCase(), fr.prescriber.toUpperCase(), fr.validUntil.toUpperCase(), ...fr.head, fr.noAllergies, fr.scan]) {
      expect(text).toContain(label);
    }
    // Dates as French writes them: the day, the French month name, the year.
    for (const date of ["15 mars 2026", "14 avril 2026", "1 février 1980"]) expect(text).toContain(date);
    for (const english of ["March", "April", "February"]) expect(text).not.toContain(english);
  });

  it("keeps English for an English reader", async () => {
    const en = catalog("en").prescriptions.pdf;
    const text = pdfText(await buildPrescriptionPdf(data(en.noAllergies), "LETTER", "en"));
    for (const words of ["PRESCRIPTION", "VALID UNTIL", "Scan to verify", "15 March 2026", "1 February 1980"]) expect(text).toContain(words);
  });
});
