import type { InvoiceLineKind } from "@/lib/generated/prisma/enums";
import { catalog, type Locale } from "@/lib/i18n";
import { en } from "@/lib/i18n/en";

// An invoice line's description is stored as written when it was billed: the English phrase of its
// kind around one name (a doctor, a test, a ward), or a cashier's own words. Shown in the reader's
// language by its kind: the name is what the English phrase holds between its fixed words.

type Phrase = "consultation" | "labTest" | "bedDays";
const PHRASE: Partial<Record<InvoiceLineKind, Phrase>> = {
  CONSULTATION: "consultation",
  LAB_TEST: "labTest",
  BED_DAY: "bedDays",
};
const MARK = "\u0000";

/** The name inside an English phrase of `phrase`, or null when the description is not that phrase. */
function nameIn(phrase: Phrase, description: string): string | null {
  const [before, after] = en.billing.phrases[phrase](MARK).split(MARK);
  if (
    description.length <= before.length + after.length ||
    !description.startsWith(before) ||
    !description.endsWith(after)
  )
    return null;
  return description.slice(before.length, description.length - after.length);
}

/** A line's description in the given language (a cashier's own words as typed). */
export function lineDescription(line: { kind: InvoiceLineKind | string; description: string }, locale: Locale): string {
  const phrase = PHRASE[line.kind as InvoiceLineKind];
  if (locale === "en" || !phrase) return line.description;
  const name = nameIn(phrase, line.description);
  return name === null ? line.description : catalog(locale).billing.phrases[phrase](name);
}
