import { INTL_TAG, type Locale } from "@/lib/i18n";
import { formatCalendarDay } from "@/lib/i18n/dates";
import { env } from "./env";

/** A calendar date (YYYY-MM-DD, a birth date) in the reader's language: "3 Jun 1978" / "3 juin 1978" (lib/i18n/dates.ts). */
export function formatDate(date: string, locale: Locale): string {
  return formatCalendarDay(date, locale);
}

/** The day an instant falls on at the hospital (HOSPITAL_TIMEZONE), in the reader's language: "14 Apr 2026". */
export function formatDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone: env().HOSPITAL_TIMEZONE, dateStyle: "medium" }).format(
    new Date(iso),
  );
}

/** An instant as people at the hospital read it, in the reader's language: in HOSPITAL_TIMEZONE; "—" when absent. */
export function formatInstant(iso: string | null, locale: Locale): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(INTL_TAG[locale], {
    timeZone: env().HOSPITAL_TIMEZONE,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));
}
