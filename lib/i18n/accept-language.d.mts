/** The languages an Accept-Language header asks for, best first, as base tags (see accept-language.mjs). */
export function acceptedLanguages(header: string | null | undefined): string[];
