import { INTL_TAG, type Locale } from "@/lib/i18n";
import { env } from "./env";

/** An instant as people at the hospital read it, in the reader's language: in HOSPITAL_TIMEZONE; "—" when absent. */
export function formatInstant(iso: string | null, locale: Locale): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone: env().HOSPITAL_TIMEZONE, dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}
