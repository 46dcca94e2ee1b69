import { INTL_TAG, type Locale } from "@/lib/i18n";
import type { AbnormalFlag } from "@/lib/generated/prisma/enums";

/** Body-mass index from kg and cm, one decimal; null unless both are known. */
export function bmi(weightKg: number | null | undefined, heightCm: number | null | undefined): number | null {
  if (!weightKg || !heightCm) return null;
  const m = heightCm / 100;
  return Math.round((weightKg / (m * m)) * 10) / 10;
}

/**
 * The abnormal flag of a numeric result against its reference range (either bound may be open):
 * below the low bound LOW, above the high bound HIGH, else NORMAL. Without a value (a qualitative
 * result) the flag is what the person entering it chose, NORMAL when they chose nothing.
 */
export function flagFor(
  value: number | null | undefined,
  range: { refLow?: number | null; refHigh?: number | null },
  chosen?: AbnormalFlag,
): AbnormalFlag {
  if (value === null || value === undefined) return chosen ?? "NORMAL";
  if (range.refLow !== null && range.refLow !== undefined && value < range.refLow) return "LOW";
  if (range.refHigh !== null && range.refHigh !== undefined && value > range.refHigh) return "HIGH";
  return "NORMAL";
}

/** "3.5–5.1", "< 5.7", "> 60" or "" for a reference range. */
export function rangeText(refLow: number | null, refHigh: number | null, locale: Locale = "en"): string {
  const n = (x: number) => x.toLocaleString(INTL_TAG[locale], { maximumFractionDigits: 6, useGrouping: false });
  if (refLow !== null && refHigh !== null) return `${n(refLow)}–${n(refHigh)}`;
  if (refHigh !== null) return `≤ ${n(refHigh)}`;
  if (refLow !== null) return `≥ ${n(refLow)}`;
  return "";
}
