import type { AbnormalFlag } from "@/lib/generated/prisma/enums";
import { flagFor } from "./measures";
import type { News2Band } from "./news2";

/**
 * Normal ranges of an adult's vital signs, and the plausible limits of lab results.
 *
 * Vital signs: the bands that score 0 on the NEWS2 chart (Royal College of Physicians, National Early
 * Warning Score (NEWS) 2, 2017, chart 1; encoded in ./news2.ts): respiration 12–20 /min, SpO₂ ≥ 96 %
 * (scale 1) or 88–92 % (scale 2, and ≥ 93 % on air), systolic 111–219 mmHg, pulse 51–90 /min,
 * temperature 36.1–38.0 °C. A value outside its band is what the score counts; the flag says which
 * side. Diastolic pressure, weight and pain have no NEWS2 band and are not flagged.
 */
export const VITAL_RANGES = {
  respiratoryRate: { low: 12, high: 20 },
  spo2: { low: 96, high: null },
  systolic: { low: 111, high: 219 },
  pulse: { low: 51, high: 90 },
  temperatureC: { low: 36.1, high: 38.0 },
} as const satisfies Record<string, { low: number; high: number | null }>;
export type FlaggedVital = keyof typeof VITAL_RANGES;
export const FLAGGED_VITALS = Object.keys(VITAL_RANGES) as FlaggedVital[];

/** SpO₂ on scale 2 (hypercapnic respiratory failure): 88–92 % is the target; above it only on oxygen scores. */
const SPO2_SCALE2 = { low: 88, high: 92 } as const;

/**
 * LOW, HIGH or null (normal, or not measured) for one vital sign of an adult. Temperature is read to
 * one decimal as the chart does (38.04 → 38.0, normal).
 */
export function vitalFlag(
  field: FlaggedVital,
  value: number | null | undefined,
  opts: { scale2?: boolean; onOxygen?: boolean | null } = {},
): "LOW" | "HIGH" | null {
  if (value === null || value === undefined) return null;
  const v = field === "temperatureC" ? Math.round(value * 10) / 10 : value;
  const range =
    field === "spo2" && opts.scale2
      ? { low: SPO2_SCALE2.low, high: opts.onOxygen ? SPO2_SCALE2.high : null }
      : VITAL_RANGES[field];
  if (v < range.low) return "LOW";
  if (range.high !== null && v > range.high) return "HIGH";
  return null;
}

/** The band to shade on a vital's trend: the normal range, with an open end drawn to the axis. */
export function normalBand(field: FlaggedVital): { low: number; high: number | null } {
  return VITAL_RANGES[field];
}

/** NEWS2 on its own trend: 0–4 is the chart's "low" band. */
export const NEWS2_LOW_BAND = { low: 0, high: 4 } as const;

/** The SpO₂ band to shade for a patient on scale 2: the 88–92 % target (scale 1: ≥ 96 %). */
export const spo2Band = (scale2: boolean): { low: number; high: number | null } =>
  scale2 ? SPO2_SCALE2 : VITAL_RANGES.spo2;

/**
 * One reading on a vital's trend, flagged as the vitals table flags it: a vital against its adult
 * range read with that set's SpO₂ scale and oxygen; NEWS2 outside the "low" band (a single parameter
 * at 3 counts, whatever the total) is HIGH. Null when normal or not measured.
 */
export function trendFlag(
  key: FlaggedVital | "news2",
  point: { value: number | null; scale2?: boolean; onOxygen?: boolean | null; news2Band?: News2Band | null },
): "LOW" | "HIGH" | null {
  if (point.value === null) return null;
  if (key === "news2") return point.news2Band && point.news2Band !== "low" ? "HIGH" : null;
  return vitalFlag(key, point.value, { scale2: point.scale2, onOxygen: point.onOxygen });
}

/**
 * Plausible limits of a lab result by catalogue code: a value outside them is a typing error, not a
 * result (a white cell count of −3, a sodium of 1400). Wider than any living patient's value and
 * than analysers' reportable ranges; a test without an entry (added by an admin) takes the generic
 * limit: not negative, as every quantity in the catalogue is a concentration, count, ratio or rate.
 */
export const LAB_PLAUSIBLE: Record<string, { min: number; max: number }> = {
  HGB: { min: 0, max: 30 },
  HCT: { min: 0, max: 90 },
  WBC: { min: 0, max: 1000 },
  PLT: { min: 0, max: 5000 },
  MCV: { min: 30, max: 200 },
  "GLU-F": { min: 0, max: 150 },
  "GLU-R": { min: 0, max: 150 },
  HBA1C: { min: 2, max: 25 },
  CREA: { min: 0, max: 5000 },
  UREA: { min: 0, max: 200 },
  NA: { min: 80, max: 220 },
  K: { min: 0.5, max: 15 },
  CL: { min: 40, max: 180 },
  ALT: { min: 0, max: 20000 },
  AST: { min: 0, max: 20000 },
  ALP: { min: 0, max: 10000 },
  TBIL: { min: 0, max: 1500 },
  ALB: { min: 0, max: 80 },
  CRP: { min: 0, max: 1000 },
  TSH: { min: 0, max: 1000 },
  CHOL: { min: 0, max: 50 },
  LDL: { min: 0, max: 40 },
  HDL: { min: 0, max: 10 },
  TG: { min: 0, max: 150 },
  INR: { min: 0.5, max: 20 },
  URIC: { min: 0, max: 2000 },
  "UA-SG": { min: 1.0, max: 1.06 },
};
const GENERIC = { min: 0, max: Number.MAX_VALUE };

export const plausibleLimits = (code: string): { min: number; max: number } => LAB_PLAUSIBLE[code] ?? GENERIC;

/** Whether a numeric result of a test could be real (see LAB_PLAUSIBLE). */
export const isPlausible = (code: string, value: number): boolean => {
  const { min, max } = plausibleLimits(code);
  return value >= min && value <= max;
};

/** A lab value's flag against its reference range (re-exported: one module for every range). */
export const labFlag = (
  value: number | null | undefined,
  range: { refLow: number | null; refHigh: number | null },
): AbnormalFlag => flagFor(value, range);

/**
 * How often a patient's observations are due, in minutes, from the ward's routine frequency and the
 * latest NEWS2 (RCP 2017, chart 2 "NEWS thresholds and triggers" / the clinical response table):
 * score 0 — minimum 12-hourly; 1–4 — minimum 4–6-hourly (we take 4 h, the stricter end); a single
 * parameter at 3 or 5–6 — minimum hourly; 7 or more — continuous monitoring (0: due now, always).
 * The ward's frequency applies when it is more often than the score asks. No score (never measured,
 * incomplete, under 16, pregnant): the ward's frequency.
 */
export function observationIntervalMinutes(
  wardHours: number,
  news2: { score: number; band: News2Band } | null,
): number {
  const ward = wardHours * 60;
  if (!news2) return ward;
  if (news2.band === "high") return 0;
  if (news2.band === "medium" || news2.band === "low-medium") return Math.min(ward, 60);
  if (news2.score >= 1) return Math.min(ward, 4 * 60);
  return Math.min(ward, 12 * 60);
}

/**
 * When the next observations are due: "continuous" (NEWS2 7+: now, always), "overdue" (never recorded
 * or past due: now), else "due" at an instant.
 */
export type VitalsDue = { state: "continuous" | "overdue" | "due"; at: Date | null };
export function vitalsDue(
  lastAt: Date | null,
  wardHours: number,
  news2: { score: number; band: News2Band } | null,
  now: Date,
): VitalsDue {
  const minutes = observationIntervalMinutes(wardHours, news2);
  if (minutes === 0) return { state: "continuous", at: null };
  if (!lastAt) return { state: "overdue", at: null };
  const at = new Date(lastAt.getTime() + minutes * 60_000);
  return { state: at <= now ? "overdue" : "due", at };
}
