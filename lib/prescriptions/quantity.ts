// The quantity to dispense when the prescriber gives none: units per dose × doses per day × days.
// Units per dose come from the dose ("2 tablets", "10 mL") or, for a dose in the strength's unit
// ("500 mg" of a 250 mg tablet, "1 g" of a 500 mg one), dose ÷ strength rounded up; doses per day
// from the frequency. Where either cannot be told ("as needed", a liquid, "5 mL"), there is no
// default: the prescriber gives the quantity (VALIDATION_FAILED on that line's quantity otherwise).

// Most specific first: "three times daily" must not be read as "daily".
const PER_DAY: [RegExp, number][] = [
  [/\b(every 4 ?h(ours)?|q4h)\b/, 6],
  [/\b(four times (a )?daily|four times a day|qds|qid|every 6 ?h(ours)?|q6h)\b/, 4],
  [/\b(three times (a )?daily|three times a day|tds|tid|every 8 ?h(ours)?|q8h)\b/, 3],
  [/\b(twice (a )?daily|twice a day|bd|bid|every 12 ?h(ours)?|q12h)\b/, 2],
  [/\b(once (a )?week(ly)?|weekly)\b/, 1 / 7],
  [
    /\b(once (a )?daily|once a day|daily|od|qd|every 24 ?h(ours)?|q24h|at night|nocte|in the morning|mane|at bedtime)\b/,
    1,
  ],
];

/** Doses per day for a frequency, or null when it does not say (e.g. "as needed"). */
export function dosesPerDay(frequency: string): number | null {
  const f = frequency.toLowerCase().trim();
  if (/\b(prn|as needed|as required|when required|stat)\b/.test(f)) return null;
  for (const [re, n] of PER_DAY) if (re.test(f)) return n;
  const every = /\bevery (\d+(?:\.\d+)?) ?h(?:ours?)?\b|\bq(\d+)h\b/.exec(f);
  if (every) return 24 / Number(every[1] ?? every[2]);
  const times = /\b(\d+) times (?:a |per )?day\b/.exec(f);
  return times ? Number(times[1]) : null;
}

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, half: 0.5 };
const MASS: Record<string, number> = { mcg: 0.001, µg: 0.001, microgram: 0.001, mg: 1, g: 1000 };
// Doses counted in what is dispensed. Puffs, drops, sprays and insulin units are not: an inhaler
// or a vial holds many, so those quantities are left to the prescriber.
const COUNTABLE = /^(tab|tablet|cap|capsule|sachet|suppositor|patch|vial|ampoule)/;

function amount(s: string): { value: number; unit: string } | null {
  const m = /^\s*(\d+(?:\.\d+)?|one|two|three|four|half)\s*([a-zµ]+)/i.exec(s);
  if (!m) return null;
  const value = WORDS[m[1].toLowerCase()] ?? Number(m[1]);
  return { value, unit: m[2].toLowerCase().replace(/s$/, "") };
}

/**
 * Units (tablets, capsules, puffs…) per dose, or null when they cannot be told: a liquid, or a dose
 * in another unit than the strength. Then the prescriber gives the quantity.
 */
export function unitsPerDose(dose: string, strength: string): number | null {
  const d = amount(dose);
  if (!d) return null;
  if (COUNTABLE.test(d.unit)) return d.value;
  const s = amount(strength);
  if (!s || strength.includes("/") || !(d.unit in MASS) || !(s.unit in MASS)) return null;
  return Math.max(1, Math.ceil((d.value * MASS[d.unit]) / (s.value * MASS[s.unit]) - 1e-9));
}

/** The default quantity, or null when dose, strength and frequency do not allow one. */
export function defaultQuantity(
  line: { dose: string; frequency: string; durationDays: number },
  strength: string,
): number | null {
  const perDay = dosesPerDay(line.frequency);
  const units = unitsPerDose(line.dose, strength);
  if (perDay === null || units === null) return null;
  return Math.max(1, Math.ceil(units * perDay * line.durationDays));
}
