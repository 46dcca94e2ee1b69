import type { Metadata } from "next";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { currentCtx } from "./session";
import { catalog, DEFAULT_LOCALE, fromAcceptLanguage, isLocale, type Locale, type Messages } from "@/lib/i18n";

/** The cookie that carries an anonymous visitor's choice (the sign-in page's switcher). */
export const LOCALE_COOKIE = "hms_locale";

/**
 * The request's language: the signed-in user's choice, else the visitor's cookie, else the
 * browser's Accept-Language, else English. Once per request.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const { actor } = await currentCtx();
  if (actor?.language) return actor.language;
  return visitorLocale();
});

/** The language of the request itself (the cookie, else Accept-Language, else English), whoever sends it. */
export async function visitorLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return fromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}

/** The request's catalogue, for server components, route handlers and server actions. */
export async function messages(): Promise<Messages> {
  return catalog(await requestLocale());
}

/** A page's `generateMetadata`: its title in the user's language, plus any fixed metadata. */
export function titled(pick: (m: Messages) => string, extra: Omit<Metadata, "title"> = {}) {
  return async (): Promise<Metadata> => ({ ...extra, title: pick(await messages()) });
}
