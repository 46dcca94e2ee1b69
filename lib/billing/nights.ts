import { DateTime } from "luxon";

// The hospital's midnight rule for bed charges: a stay is billed one night for each midnight, in the
// hospital's time zone (HOSPITAL_TIMEZONE), that passes while the patient holds a bed. A midnight m
// counts for the span (from, to] when from < m ≤ to, so a patient moved at exactly midnight is billed
// that night once, by the ward they left. There is no minimum: a stay that passes no midnight (a
// 32-minute stay, a day case) is billed 0 nights; its care (consultations, tests, medicines) is still billed.

/** The hospital midnights in (from, to]. */
export function midnightsIn(from: Date, to: Date, zone: string): Date[] {
  const out: Date[] = [];
  for (
    let m = DateTime.fromJSDate(from, { zone }).startOf("day").plus({ days: 1 });
    m.toMillis() <= to.getTime();
    m = m.plus({ days: 1 })
  )
    out.push(m.toJSDate());
  return out;
}

/** How many nights the span (from, to] is billed under the midnight rule. */
export const nightsIn = (from: Date, to: Date, zone: string): number =>
  to > from ? midnightsIn(from, to, zone).length : 0;

/** Nights per ward of a stay's bed assignments, within the billed period (from, to]. */
export function nightsPerWard<W extends { id: string }>(
  assignments: { startsAt: Date; endsAt: Date | null; ward: W }[],
  from: Date,
  to: Date,
  zone: string,
): { ward: W; nights: number }[] {
  const perWard = new Map<string, { ward: W; nights: number }>();
  for (const a of assignments) {
    const start = a.startsAt > from ? a.startsAt : from;
    const end = a.endsAt && a.endsAt < to ? a.endsAt : to;
    const entry = perWard.get(a.ward.id) ?? { ward: a.ward, nights: 0 };
    entry.nights += nightsIn(start, end, zone);
    perWard.set(a.ward.id, entry);
  }
  return [...perWard.values()];
}
