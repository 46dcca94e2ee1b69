/**
 * NEWS2 — the Royal College of Physicians' National Early Warning Score 2 (December 2017).
 *
 * Pure: the score of one set of observations, for an adult who is not pregnant. The table is chart 1
 * ("The NEWS scoring system") of RCP, National Early Warning Score (NEWS) 2: Standardising the
 * assessment of acute-illness severity in the NHS. Updated report of a working party. London: RCP,
 * 2017 (www.rcplondon.ac.uk/national-early-warning-score), checked against the chart as reproduced at
 * https://radiopaedia.org/cases/news2-scoring-system-diagram-1 and
 * https://scribd.com/document/584338409/NEWS2-Chart-1-The-NEWS-scoring-system-0-0, and against public
 * implementations (e.g. the NEWS calculator in github.com/bhavenmurji/RapidResponseCentral,
 * Protocols/Calculators/NEWS.md, for scale 1 and the other rows).
 *
 *   Parameter            3        2        1        0                1            2            3
 *   Respiration rate     ≤8                9–11     12–20            21–24                     ≥25
 *   SpO₂ scale 1         ≤91      92–93    94–95    ≥96
 *   SpO₂ scale 2         ≤83      84–85    86–87    88–92, ≥93 air   93–94 O₂     95–96 O₂     ≥97 O₂
 *   Air or oxygen                 oxygen            air
 *   Systolic BP          ≤90      91–100   101–110  111–219                                    ≥220
 *   Pulse                ≤40               41–50    51–90            91–110       111–130      ≥131
 *   Consciousness                                   Alert                                      C, V, P or U
 *   Temperature (°C)     ≤35.0             35.1–36.0 36.1–38.0      38.1–39.0    ≥39.1
 *
 * Scale 2 is for patients with hypercapnic respiratory failure (target SpO₂ 88–92%), set by a
 * clinician on the patient record; everyone else is scored on scale 1.
 *
 * Bands (the chart's clinical response thresholds): 0–4 low; a single parameter scoring 3 (total ≤ 4)
 * low-medium; 5–6 medium; 7 or more high.
 */

export const CONSCIOUSNESS = ["A", "C", "V", "P", "U"] as const;
export type Consciousness = (typeof CONSCIOUSNESS)[number];
export type News2Band = "low" | "low-medium" | "medium" | "high";
export const NEWS2_BANDS: readonly News2Band[] = ["low", "low-medium", "medium", "high"];

/** One complete set of observations, in this application's units. */
export type News2Input = {
  respiratoryRate: number;
  spo2: number;
  supplementalOxygen: boolean;
  systolic: number;
  pulse: number;
  consciousness: Consciousness;
  temperatureC: number;
};

export type News2Subscores = {
  respiratoryRate: number;
  spo2: number;
  airOrOxygen: number;
  systolic: number;
  pulse: number;
  consciousness: number;
  temperature: number;
};
export const NEWS2_PARAMETERS = [
  "respiratoryRate",
  "spo2",
  "airOrOxygen",
  "systolic",
  "pulse",
  "consciousness",
  "temperature",
] as const satisfies readonly (keyof News2Subscores)[];

export type News2 = { score: number; band: News2Band; subscores: News2Subscores; scale: 1 | 2 };
export type News2Reason = "under 16" | "pregnant" | "incomplete set";

export function respirationScore(rate: number): number {
  if (rate <= 8) return 3;
  if (rate <= 11) return 1;
  if (rate <= 20) return 0;
  if (rate <= 24) return 2;
  return 3;
}

export function spo2Scale1Score(spo2: number): number {
  if (spo2 <= 91) return 3;
  if (spo2 <= 93) return 2;
  if (spo2 <= 95) return 1;
  return 0;
}

/** Scale 2: at 93% and above the score depends on whether the patient is on oxygen (on air: 0). */
export function spo2Scale2Score(spo2: number, onOxygen: boolean): number {
  if (spo2 <= 83) return 3;
  if (spo2 <= 85) return 2;
  if (spo2 <= 87) return 1;
  if (spo2 <= 92 || !onOxygen) return 0;
  if (spo2 <= 94) return 1;
  if (spo2 <= 96) return 2;
  return 3;
}

export const airOrOxygenScore = (onOxygen: boolean): number => (onOxygen ? 2 : 0);

export function systolicScore(systolic: number): number {
  if (systolic <= 90) return 3;
  if (systolic <= 100) return 2;
  if (systolic <= 110) return 1;
  if (systolic <= 219) return 0;
  return 3;
}

export function pulseScore(pulse: number): number {
  if (pulse <= 40) return 3;
  if (pulse <= 50) return 1;
  if (pulse <= 90) return 0;
  if (pulse <= 110) return 1;
  if (pulse <= 130) return 2;
  return 3;
}

/** ACVPU: alert 0; new confusion, voice, pain or unresponsive 3. */
export const consciousnessScore = (c: Consciousness): number => (c === "A" ? 0 : 3);

/** The chart reads temperature to one decimal: the value is rounded to 0.1 °C first (35.04 → 35.0). */
export function temperatureScore(celsius: number): number {
  const t = Math.round(celsius * 10) / 10;
  if (t <= 35.0) return 3;
  if (t <= 36.0) return 1;
  if (t <= 38.0) return 0;
  if (t <= 39.0) return 1;
  return 2;
}

export function bandOf(score: number, subscores: News2Subscores): News2Band {
  if (score >= 7) return "high";
  if (score >= 5) return "medium";
  if (Object.values(subscores).some((s) => s === 3)) return "low-medium";
  return "low";
}

/** The score of a complete set; `scale2` for a patient flagged with hypercapnic respiratory failure. */
export function news2Score(v: News2Input, scale2 = false): News2 {
  const subscores: News2Subscores = {
    respiratoryRate: respirationScore(v.respiratoryRate),
    spo2: scale2 ? spo2Scale2Score(v.spo2, v.supplementalOxygen) : spo2Scale1Score(v.spo2),
    airOrOxygen: airOrOxygenScore(v.supplementalOxygen),
    systolic: systolicScore(v.systolic),
    pulse: pulseScore(v.pulse),
    consciousness: consciousnessScore(v.consciousness),
    temperature: temperatureScore(v.temperatureC),
  };
  const score = Object.values(subscores).reduce((a, b) => a + b, 0);
  return { score, band: bandOf(score, subscores), subscores, scale: scale2 ? 2 : 1 };
}

/** Whether a score calls for an urgent response (and notifies): 5 or more, or any single parameter at 3. */
export const news2Alerts = (n: News2): boolean => n.band !== "low";

/** Age in whole years on a day (UTC dates, as dateOfBirth is a date column). */
export function ageOn(dateOfBirth: Date, on: Date): number {
  let age = on.getUTCFullYear() - dateOfBirth.getUTCFullYear();
  const m = on.getUTCMonth() - dateOfBirth.getUTCMonth();
  if (m < 0 || (m === 0 && on.getUTCDate() < dateOfBirth.getUTCDate())) age -= 1;
  return age;
}

type Partial7 = { [K in keyof News2Input]?: News2Input[K] | null };

/**
 * NEWS2 for a recorded set, or why there is none: not for under-16s, not in pregnancy (RCP 2017: the
 * score is not validated for either), and only on a complete set of the seven parameters.
 */
export function news2For(
  v: Partial7,
  patient: { dateOfBirth: Date; pregnant: boolean; spo2Scale2: boolean },
  takenAt: Date,
): { news2: News2; reason: null } | { news2: null; reason: News2Reason } {
  if (ageOn(patient.dateOfBirth, takenAt) < 16) return { news2: null, reason: "under 16" };
  if (patient.pregnant) return { news2: null, reason: "pregnant" };
  const { respiratoryRate, spo2, supplementalOxygen, systolic, pulse, consciousness, temperatureC } = v;
  if (
    respiratoryRate == null ||
    spo2 == null ||
    supplementalOxygen == null ||
    systolic == null ||
    pulse == null ||
    consciousness == null ||
    temperatureC == null
  )
    return { news2: null, reason: "incomplete set" };
  return {
    news2: news2Score(
      { respiratoryRate, spo2, supplementalOxygen, systolic, pulse, consciousness, temperatureC },
      patient.spo2Scale2,
    ),
    reason: null,
  };
}
