import { INTL_TAG, type Locale } from "@/lib/i18n";

// Money is an integer number of minor units (cents) of the hospital's one currency. The API takes and
// gives minor units; people type and read currency units (45.00), converted by parseMoney/formatMoney.

/** The OpenAPI description of every amount the API takes or gives. */
export const MINOR_UNITS =
  "An amount in minor units of the hospital's currency (HOSPITAL_CURRENCY; cents for USD): 4500 means 45.00.";

/** How many minor-unit digits the currency has (USD 2, JPY 0, KWD 3), from Intl. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** 123456 USD → "$1,234.56" in English, "1 234,56 $" in French; negative amounts keep their sign. */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(INTL_TAG[locale], {
    style: "currency",
    currency,
    currencyDisplay: "narrowSymbol",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}

/**
 * "12.5" → 1250 (USD); the French "12,5" and "1 234,56" too (a single comma followed by at most the
 * currency's digits is a decimal comma; otherwise commas and spaces group thousands). Null for text
 * that is not a non-negative amount with at most the currency's digits. Given the reader's locale "fr",
 * a comma is always the decimal mark ("45,555" is refused, not read as 45 555).
 */
export function parseMoney(text: string, currency: string, locale?: Locale): number | null {
  const digits = minorDigits(currency);
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, "");
  const decimalComma =
    digits > 0 && (locale === "fr" ? /^\d+,\d*$/ : new RegExp(`^\\d+,\\d{1,${digits}}$`)).test(compact);
  const clean = decimalComma ? compact.replace(",", ".") : compact.replace(/,/g, "");
  const re = digits > 0 ? new RegExp(`^(\\d{1,12})(?:\\.(\\d{0,${digits}}))?$`) : /^(\d{1,12})$/;
  const m = re.exec(clean);
  if (!m) return null;
  const fraction = (m[2] ?? "").padEnd(digits, "0");
  return Number(m[1]) * 10 ** digits + (digits ? Number(fraction) : 0);
}

/** Minor units as a plain decimal for form inputs: 1250 USD → "12.50", in French "12,50" (parseMoney reads both). */
export function toDecimal(minor: number, currency: string, locale: Locale = "en"): string {
  const digits = minorDigits(currency);
  const text = (minor / 10 ** digits).toFixed(digits);
  return locale === "fr" ? text.replace(".", ",") : text;
}
