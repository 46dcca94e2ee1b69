import { describe, expect, it } from "vitest";
import { ZAuditFilter } from "@/lib/audit/schemas";
import { ZRegisterPatient } from "@/lib/patients/schemas";
import { ZDate } from "@/lib/scheduling/schemas";
import { ZOccupancyRange } from "@/lib/wards/schemas";
import { formatCalendarDay } from "./dates";
import { en } from "./en";
import { fr } from "./fr";
import { renderMessage } from "./message";

// Bug: date inputs show the browser's format for the reader's language (31/03/2027, 03/31/2027…)
// while the error messages named a machine format ("Use a real date as YYYY-MM-DD", "AAAA-MM-JJ").

function strings(node: unknown, path: string, out: [string, string][]) {
  if (typeof node === "string") out.push([path, node]);
  else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) strings(v, `${path}.${k}`, out);
  return out;
}

describe("dates the user sees", () => {
  it("are shown in the reader's language by the one helper", () => {
    expect(formatCalendarDay("2027-03-31", "en")).toBe("31 Mar 2027");
    expect(formatCalendarDay("2027-03-31", "fr")).toBe("31 mars 2027");
    expect(formatCalendarDay("1978-06-03T00:00:00.000Z", "en")).toBe("3 Jun 1978");
  });

  it("no message, in either language, names a machine date format", () => {
    for (const [lang, catalogue] of [
      ["en", en],
      ["fr", fr],
    ] as const) {
      const named = strings(catalogue, lang, []).filter(([, s]) =>
        /YYYY-MM-DD|AAAA-MM-JJ|\bMM\/DD\b|\bJJ\/MM\b/.test(s),
      );
      expect(named, lang).toEqual([]);
    }
  });

  it("a wrong date in patients, scheduling, reports and the audit filters says so in the reader's language", () => {
    const issues = [
      ZRegisterPatient.safeParse({
        firstName: "A",
        lastName: "B",
        sex: "female",
        dateOfBirth: "2023-02-30",
      }).error?.issues.find((i) => i.path[0] === "dateOfBirth")?.message,
      ZDate.safeParse("31/03/2027").error?.issues[0].message,
      ZOccupancyRange.safeParse({ from: "2026-02-30", to: "2026-03-01" }).error?.issues[0].message,
      ZAuditFilter.safeParse({ from: "2026-13-40" }).error?.issues[0].message,
    ];
    for (const message of issues) {
      expect(renderMessage(message!, "en")).toBe("Enter a valid date");
      expect(renderMessage(message!, "fr")).toBe("Saisissez une date valide");
    }
  });
});
