"use client";
import { useLocale } from "next-intl";
import { catalog, isLocale, DEFAULT_LOCALE, type Locale, type Messages } from "./index";

/** The user's language in a client component (set by the root layout's provider). */
export function useAppLocale(): Locale {
  const l = useLocale();
  return isLocale(l) ? l : DEFAULT_LOCALE;
}

/** The catalogue of the user's language, for client components. */
export function useCatalog(): Messages {
  return catalog(useAppLocale());
}
