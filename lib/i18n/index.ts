import { en, type Messages } from "./en";
import { fr } from "./fr";
import { acceptedLanguages } from "./accept-language.mjs";

export type { Messages } from "./en";

/** The languages a user can pick. */
export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", fr: "Français" };
/** The BCP 47 tag Intl formats dates and numbers with, per language. */
export const INTL_TAG: Record<Locale, string> = { en: "en-GB", fr: "fr-FR" };

export const isLocale = (v: unknown): v is Locale =>
  typeof v === "string" && (LOCALES as readonly string[]).includes(v);
/** A stored language (User.language) as a Locale; English when absent or unknown. */
export const localeOf = (v: unknown): Locale => (isLocale(v) ? v : DEFAULT_LOCALE);

/** Every user-facing string in one language; both catalogues have the same shape (the type checks it). */
export function catalog(locale: Locale): Messages {
  return locale === "fr" ? fr : en;
}

/** The best supported language for an Accept-Language header, or null. */
export function fromAcceptLanguage(header: string | null | undefined): Locale | null {
  return acceptedLanguages(header).find(isLocale) ?? null;
}
