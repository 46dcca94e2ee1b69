import { INTL_TAG, type Locale } from "./index";

/**
 * The one way the app shows a calendar day ("2027-03-31": a date of birth, a batch's expiry, a next
 * visit, a report's day) to a reader: in their language's display format, "31 Mar 2027" / "31 mars
 * 2027". Server and client alike. Machine dates (YYYY-MM-DD) stay in values, URLs and the API only;
 * date inputs show the browser's format for the page's language, and error messages name no format.
 */
export const formatCalendarDay = (day: string, locale: Locale): string =>
  new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone: "UTC", dateStyle: "medium" }).format(
    new Date(`${day.slice(0, 10)}T00:00:00Z`),
  );
