// How much a search may ask for, the same in the REST API (parseListQuery, lib/patients/queries.ts)
// and the FHIR API (lib/fhir/handler.ts): each word of a name search is one more index range to read
// and merge, each listed value one more to match. FHIR `Patient?name=` with 4,000 words took 15–21 s
// per request and slowed everyone; the REST search has always read the first 4 words of at most
// 200 characters. FHIR answers 400 beyond these (its criteria must all apply: dropping words would
// widen the answer), REST keeps reading the first words of its free-text `q`.

/** Words of a name search. */
export const MAX_SEARCH_WORDS = 4;
/** Characters of one search value (`q`, a FHIR parameter's value). */
export const MAX_SEARCH_CHARS = 200;
/** Values of a list parameter (FHIR `_id=a,b,c`, repeated or comma-separated). */
export const MAX_LIST_VALUES = 100;
