import type * as R4 from "fhir/r4";
import { dosesPerDay } from "@/lib/prescriptions/quantity";
import { routeConcept } from "./terminology";

// A prescription line's words ("500 mg", "oral", "three times daily", 7 days) as a structured FHIR
// Dosage: the dose as a UCUM quantity, the timing as a repeat, the route coded where the
// terminology table knows it. What cannot be read stays in `text` only (never guessed).

const UCUM = "http://unitsofmeasure.org";

/** Units of a dose as UCUM codes. Countable forms are UCUM annotations ({tablet} = 1 tablet). */
const DOSE_UNITS: Record<string, string> = {
  mg: "mg",
  milligram: "mg",
  g: "g",
  gram: "g",
  mcg: "ug",
  µg: "ug",
  ug: "ug",
  microgram: "ug",
  ml: "mL",
  millilitre: "mL",
  milliliter: "mL",
  l: "L",
  tablet: "{tablet}",
  tab: "{tablet}",
  capsule: "{capsule}",
  cap: "{capsule}",
  puff: "{puff}",
  drop: "{drop}",
  sachet: "{sachet}",
  suppository: "{suppository}",
  patch: "{patch}",
};
const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, half: 0.5 };

/** "500 mg", "2 tablets", "10 mL" as a UCUM quantity; anything else (a range, "1-2 puffs", "units") null. */
export function doseQuantity(dose: string): R4.Quantity | null {
  const m = /^\s*(\d+(?:\.\d+)?|one|two|three|four|half)\s*([a-zµ]+?)(e?s)?\.?\s*$/i.exec(dose);
  if (!m) return null;
  const value = WORDS[m[1].toLowerCase()] ?? Number(m[1]);
  const unit = m[2].toLowerCase();
  const code = DOSE_UNITS[unit] ?? DOSE_UNITS[unit + (m[3] ?? "").toLowerCase()];
  if (!code || !(value > 0)) return null;
  return { value, unit: code.startsWith("{") ? code.slice(1, -1) : code, system: UCUM, code };
}

/** The frequency as a Timing.repeat (how often), or "as needed"; null when it does not say. */
export function frequencyTiming(frequency: string): { repeat?: R4.TimingRepeat; asNeeded?: true } | null {
  const f = frequency.toLowerCase().trim();
  if (/\b(prn|as needed|as required|when required)\b/.test(f)) return { asNeeded: true };
  const every = /\bevery (\d+) ?h(?:ours?)?\b|\bq(\d+)h\b/.exec(f);
  if (every) return { repeat: { frequency: 1, period: Number(every[1] ?? every[2]), periodUnit: "h" } };
  const n = dosesPerDay(f);
  if (n === null) return null;
  if (Math.abs(n - 1 / 7) < 1e-9) return { repeat: { frequency: 1, period: 1, periodUnit: "wk" } };
  if (Number.isInteger(n)) return { repeat: { frequency: n, period: 1, periodUnit: "d" } };
  return { repeat: { frequency: 1, period: 24 / n, periodUnit: "h" } };
}

export type DosageLine = {
  dose: string;
  route: string;
  frequency: string;
  durationDays: number;
  instructions: string | null;
};

export function dosage(l: DosageLine): R4.Dosage {
  const quantity = doseQuantity(l.dose);
  const timing = frequencyTiming(l.frequency);
  return {
    text: `${l.dose} ${l.route} ${l.frequency} for ${l.durationDays} days${l.instructions ? `; ${l.instructions}` : ""}`,
    ...(l.instructions ? { patientInstruction: l.instructions } : {}),
    timing: {
      repeat: { ...timing?.repeat, boundsDuration: { value: l.durationDays, unit: "days", system: UCUM, code: "d" } },
      code: { text: l.frequency },
    },
    ...(timing?.asNeeded ? { asNeededBoolean: true } : {}),
    route: routeConcept(l.route),
    ...(quantity ? { doseAndRate: [{ doseQuantity: quantity }] } : {}),
  };
}
