import { INTL_TAG, type Locale } from "@/lib/i18n";

/** An occupancy percentage (37.5) as the reader's language writes it: "37.5%" in English, "37,5 %" in French. */
export const formatPercent = (pct: number, locale: Locale): string =>
  new Intl.NumberFormat(INTL_TAG[locale], { style: "percent", maximumFractionDigits: 1 }).format(pct / 100);
