import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { AppError } from "@/lib/server/errors";
import { env } from "@/lib/server/env";
import { E } from "@/lib/i18n/error-keys";
import type { Msg } from "@/lib/i18n/message";

// What a new password must be beyond its length (ZNewPassword): not one of the ~49,000 most common
// passwords of the breach corpora that @zxcvbn-ts/language-common ships, and not guessable by
// zxcvbn's estimate (keyboard walks, sequences, repeats, dates, l33t, the person's own name and
// email) — NIST SP 800-63B 5.1.1.2 and OWASP ASVS 2.1.7/2.1.8: a blocklist and a strength check,
// no composition rules. Checked on the server only: the dictionaries stay out of the browser bundle.

/** zxcvbn's score 3: about 10^8 guesses or more ("safely unguessable" for an online attack and a slow hash offline). */
export const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
// Built on first use (~80 ms, ~7 MB): only the common-password and diceware lists, no language
// dictionaries (those would cost ~30 MB of every web process's heap for little gain here).
const zxcvbn = () => (factory ??= new ZxcvbnFactory({ graphs: adjacencyGraphs, dictionary }));

/** Words a password must not be built from: the person's name and email, the hospital's name. */
function contextWords(context: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const value of [...context, env().HOSPITAL_NAME, "hospital"]) {
    if (!value) continue;
    const lower = value.toLowerCase();
    words.add(lower);
    for (const part of lower.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/**
 * Made of the person's words with little else: what is left after removing them (and separators)
 * is under 6 letters or digits ("okafor.grace", "Jean-Dupont-1980"), which zxcvbn alone can rate
 * strong because of the separators.
 */
function mostlyPersonal(password: string, words: readonly string[]): boolean {
  let rest = password.toLowerCase();
  let found = false;
  for (const word of [...words].sort((a, b) => b.length - a.length)) {
    if (word.length >= 3 && rest.includes(word)) {
      rest = rest.split(word).join(" ");
      found = true;
    }
  }
  return found && rest.replace(/[^\p{L}\p{N}]/gu, "").length < 6;
}

/** Why the password is refused (a catalogue key), or null when it is acceptable. */
export function passwordProblem(password: string, context: readonly (string | null | undefined)[] = []): Msg | null {
  const words = contextWords(context);
  const result = zxcvbn().check(password, words);
  const dictionaryMatches = result.sequence.filter((m) => m.pattern === "dictionary");
  if (result.sequence.length === 1 && dictionaryMatches[0]?.dictionaryName === "passwords-common")
    return E.accounts.policy.common;
  if (mostlyPersonal(password, words)) return E.accounts.policy.personal;
  if (result.score >= MIN_SCORE) return null;
  if (dictionaryMatches.some((m) => m.dictionaryName === "userInputs")) return E.accounts.policy.personal;
  return E.accounts.policy.weak;
}

/** Refuses the password with a field error (VALIDATION_FAILED) naming `field`. */
export function assertAcceptablePassword(
  password: string,
  field: string,
  context: readonly (string | null | undefined)[] = [],
): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new AppError("VALIDATION_FAILED", problem, { fields: { [field]: problem } });
}
