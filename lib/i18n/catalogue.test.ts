import { describe, expect, it } from "vitest";
import { en } from "./en";
import { fr } from "./fr";

// The French catalogue, walked leaf by leaf against the English one: the same keys everywhere (the
// type says so, this checks the objects really built), functions taking the same parameters, and
// every string translated, except words spelled the same in both languages.
const SAME_IN_BOTH = new Set([
  "Patient",
  "Patients",
  "Date",
  "date",
  "Total",
  "Note",
  "Notes",
  "Action",
  "Actions",
  "Page",
  "Minimum",
  "Maximum",
  "Description",
  "Consultation",
  "Consultations",
  "Service",
  "Services",
  "Source",
  "Version",
  "Versions",
  "Format",
  "Type",
  "Code",
  "Allergies",
  "Substance",
  "Signature",
  "Menu",
  "Notifications",
  "Normal",
  "Double",
  "Dose",
  "Admission",
  "Stock",
  "Interaction",
  "Addenda",
  "Addendum",
  "Document",
  "Documents",
  "Option",
  "Options",
  "Occupation",
  "Audit",
  "Export",
  "Exports",
  "Lot",
  "Plan",
  "Position",
  "Exceptions",
  "Permission",
  "Public",
  "Active",
  "Notification",
  "patient",
  "consultation",
  "export",
  "document",
  // Drug classes spelt alike in both languages.
  "biguanide",
  "fluoroquinolone",
  "macrolide",
  "oxazolidinone",
  "triptan",
]);
// A string that holds no words to translate: numbers, codes, symbols, units, placeholders.
const wordless = (s: string) => !/[A-Za-z]{3,}/.test(s.replace(/SpO₂|mmHg/g, "").replace(/\b[A-Z0-9_]{2,}\b/g, ""));

type Leaf = { path: string; en: unknown; fr: unknown };
function walk(a: unknown, b: unknown, path: string, out: Leaf[], missing: string[]) {
  if (a !== null && typeof a === "object") {
    if (b === null || typeof b !== "object") return void missing.push(`${path} (not an object in French)`);
    const ka = Object.keys(a as object).sort();
    const kb = Object.keys(b as object).sort();
    for (const k of ka) if (!kb.includes(k)) missing.push(`${path}.${k}`);
    for (const k of kb) if (!ka.includes(k)) missing.push(`${path}.${k} (extra in French)`);
    for (const k of ka)
      if (kb.includes(k))
        walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out, missing);
    return;
  }
  out.push({ path, en: a, fr: b });
}

const leaves: Leaf[] = [];
const missing: string[] = [];
walk(en, fr, "m", leaves, missing);

describe("the French catalogue", () => {
  it("has exactly the keys of the English one", () => {
    expect(missing).toEqual([]);
  });

  it("has functions where English has them, taking the same number of parameters", () => {
    const bad = leaves
      .filter((l) => typeof l.en === "function" || typeof l.fr === "function")
      .filter(
        (l) =>
          typeof l.en !== typeof l.fr ||
          (l.en as (...a: unknown[]) => string).length !== (l.fr as (...a: unknown[]) => string).length,
      )
      .map((l) => l.path);
    expect(bad).toEqual([]);
  });

  it("translates every string (except words that are the same in both languages)", () => {
    const untranslated = leaves
      .filter((l) => typeof l.en === "string" && l.en === l.fr)
      .filter((l) => !SAME_IN_BOTH.has(l.en as string) && !wordless(l.en as string))
      .map((l) => `${l.path}: ${JSON.stringify(l.en)}`);
    expect(untranslated).toEqual([]);
  });

  it("builds French sentences from values (each function's output differs from English)", () => {
    // Called with sample values of each kind a catalogue function takes: names, counts, lists.
    const call = (f: unknown, n: number): string | null => {
      for (const sample of ["Ann", 2, ["Ann", "Bob"]]) {
        try {
          return (f as (...a: unknown[]) => string)(...Array.from({ length: n }, () => sample));
        } catch {
          // the next kind of value
        }
      }
      return null;
    };
    const same = leaves
      .filter((l) => typeof l.en === "function" && typeof l.fr === "function")
      .map((l) => ({
        path: l.path,
        en: call(l.en, (l.en as () => string).length),
        fr: call(l.fr, (l.fr as () => string).length),
      }))
      .filter(
        (l) =>
          l.en !== null &&
          l.en === l.fr &&
          !wordless(
            l.en
              .replace(/\b(Ann|Bob|NaN|min)\b/g, "")
              .split(/\b/)
              .filter((w) => !SAME_IN_BOTH.has(w))
              .join(""),
          ),
      )
      .map((l) => `${l.path}: ${JSON.stringify(l.en)}`);
    expect(same).toEqual([]);
  });

  it("has strings where English has strings", () => {
    const bad = leaves.filter((l) => typeof l.en === "string" && typeof l.fr !== "string").map((l) => l.path);
    expect(bad).toEqual([]);
  });
});
