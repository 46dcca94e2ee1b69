import { INTL_TAG, type Locale } from "@/lib/i18n";

/** A calendar day ("2027-03-31": a batch's expiry, a date of birth) as the reader's language writes it: "31 Mar 2027", "31 mars 2027". */
export const formatCalendarDay = (day: string, locale: Locale): string =>
  new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone: "UTC", dateStyle: "medium" }).format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
