// The quantity to dispense when the prescriber gives none: units per dose × doses per day × days.
// Units per dose come from the dose ("2 tablets", "10 mL") or, for a dose in the strength's unit
// ("500 mg" of a 250 mg tablet), dose ÷ strength rounded up; doses per day from the frequency.
// A frequency that does not say how often ("as needed") has no default: the prescriber must give one.

// Most specific first: "three times daily" must not be read as "daily".
const PER_DAY: [RegExp, number][] = [
  [/\b(every 4 ?h(ours)?|q4h)\b/, 6],
  [/\b(four times (a )?daily|four times a day|qds|qid|every 6 ?h(ours)?|q6h)\b/, 4],
  [/\b(three times (a )?daily|three times a day|tds|tid|every 8 ?h(ours)?|q8h)\b/, 3],
  [/\b(twice (a )?daily|twice a day|bd|bid|every 12 ?h(ours)?|q12h)\b/, 2],
  [/\b(once (a )?week(ly)?|weekly)\b/, 1 / 7],
  [/\b(once (a )?daily|once a day|daily|od|qd|every 24 ?h(ours)?|q24h|at night|nocte|in the morning|mane|at bedtime)\b/, 1],
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

const amount = (s: string) => /^\s*(\d+(?:\.\d+)?)\s*([a-zµ]+)/i.exec(s);

/** Units (tablets, capsules, mL, puffs…) per dose; 1 when the dose is not a countable amount. */
export function unitsPerDose(dose: string, strength: string): number {
  const d = amount(dose);
  if (!d) return 1;
  const [value, unit] = [Number(d[1]), d[2].toLowerCase()];
  const s = amount(strength);
  // "500 mg" of "250 mg" tablets: 2 units. Liquids ("5 mL" of "250 mg/5 mL") dispense the volume.
  if (s && s[2].toLowerCase() === unit && !/\//.test(strength)) return Math.max(1, Math.ceil(value / Number(s[1])));
  if (/^(tab|tablet|cap|capsule|puff|sachet|drop|spray|suppositor|ml|unit)/.test(unit)) return value;
  return 1;
}

/** The default quantity, or null when the frequency does not allow one. */
export function defaultQuantity(line: { dose: string; frequency: string; durationDays: number }, strength: string): number | null {
  const perDay = dosesPerDay(line.frequency);
  if (perDay === null) return null;
  return Math.max(1, Math.ceil(unitsPerDose(line.dose, strength) * perDay * line.durationDays));
}
