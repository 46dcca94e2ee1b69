/** Calendar days (a batch's expiry) are shown by the app's one helper. */
export { formatCalendarDay } from "@/lib/i18n/dates";
