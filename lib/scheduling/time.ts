import { DateTime } from "luxon";
import { INTL_TAG, type Locale } from "@/lib/i18n";
import { clock } from "@/lib/server/clock";

// Availability is given in the hospital's local time; appointments are stored as UTC instants.
// Luxon does the time-zone arithmetic (daylight-saving days have 23 or 25 hours).

export type MinuteRange = { startMin: number; endMin: number };
export type Slot = { startsAt: Date; endsAt: Date };

export const toMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
};
export const toHHMM = (min: number): string =>
  `${String(Math.floor(min / 60)).padStart(2, "0")}:${String(min % 60).padStart(2, "0")}`;

/** 0 = Sunday … 6 = Saturday, for a local calendar date. */
export function weekdayOf(date: string, zone: string): number {
  return DateTime.fromISO(date, { zone }).weekday % 7;
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}

/** The slots of one local date: each range cut into slotMinutes pieces, in time order. */
export function slotGrid(date: string, ranges: MinuteRange[], slotMinutes: number, zone: string): Slot[] {
  const midnight = DateTime.fromISO(date, { zone }).startOf("day");
  const slots: Slot[] = [];
  for (const r of [...ranges].sort((a, b) => a.startMin - b.startMin)) {
    for (let m = r.startMin; m + slotMinutes <= r.endMin; m += slotMinutes) {
      // Wall-clock arithmetic: 09:00 local is 09:00 whatever the offset that day.
      const start = midnight.set({ hour: Math.floor(m / 60), minute: m % 60 });
      slots.push({ startsAt: start.toJSDate(), endsAt: start.plus({ minutes: slotMinutes }).toJSDate() });
    }
  }
  return slots;
}

/** The local dates from `from` for `days` days. */
export function nextDates(from: string, days: number, zone: string): string[] {
  const start = DateTime.fromISO(from, { zone });
  return Array.from({ length: days }, (_, i) => start.plus({ days: i }).toISODate()!);
}

/** Today's local date in the zone. */
export function today(zone: string, now = clock.now()): string {
  return localDate(now, zone);
}

/**
 * Whether a visit may be checked in at `now`: from `windowMinutes` before it starts, and only on its
 * own local day in the hospital's zone ("early" before that, "late" once its day is over).
 */
export function checkInTiming(startsAt: Date, now: Date, zone: string, windowMinutes: number): "early" | "ok" | "late" {
  if (now < checkInOpens(startsAt, zone, windowMinutes)) return "early";
  return localDate(now, zone) > localDate(startsAt, zone) ? "late" : "ok";
}

/** When check-in opens for a visit (the later of its window's start and its local midnight). */
export function checkInOpens(startsAt: Date, zone: string, windowMinutes: number): Date {
  return new Date(
    Math.max(startsAt.getTime() - windowMinutes * 60_000, startOfLocalDay(localDate(startsAt, zone), zone).getTime()),
  );
}

/** An instant as ISO 8601 with the hospital's offset, as the API promises. */
export function isoInZone(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true })!;
}

/** The instant a local date begins in the zone. */
export function startOfLocalDay(date: string, zone: string): Date {
  return DateTime.fromISO(date, { zone }).startOf("day").toJSDate();
}

// Display formats. ISO strings from isoInZone carry the hospital's offset, so `setZone` shows the
// hospital's wall clock in the browser too, whatever the viewer's own zone.
const shown = (iso: string, format: string, locale: Locale) =>
  DateTime.fromISO(iso, { setZone: true }).setLocale(INTL_TAG[locale]).toFormat(format);
/** "Mon 3 Mar, 09:30" ("lun. 3 mars, 09:30") */
export const formatWhen = (iso: string, locale: Locale) => shown(iso, "ccc d LLL, HH:mm", locale);
/** "Monday 3 March" ("lundi 3 mars"), for a local date or an instant */
export const formatDay = (isoOrDate: string, locale: Locale) => shown(isoOrDate, "cccc d LLLL", locale);
/** "09:30" (the same in every language) */
export const formatTime = (iso: string) => shown(iso, "HH:mm", "en");
