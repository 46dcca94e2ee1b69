import { ICD10CM_DATA } from "./icd10cm-data";

export type IcdCode = { code: string; description: string };
type Entry = IcdCode & { key: string; words: string[] };

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
const wordsOf = (s: string) =>
  fold(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

// Parsed once per process, sorted by code: a few hundred entries, searched in memory in microseconds.
const ENTRIES: Entry[] = ICD10CM_DATA.split("\n")
  .map((line) => {
    const [code, description] = line.split("|");
    return { code, description, key: code.replace(".", "").toLowerCase(), words: wordsOf(description) };
  })
  .sort((a, b) => a.code.localeCompare(b.code));
const BY_CODE = new Map(ENTRIES.map((e) => [e.code, e]));

export const ICD10CM_COUNT = ENTRIES.length;

/** The entry for an exact code ("E11.9"), if the subset has it. */
export function icdByCode(code: string): IcdCode | null {
  const e = BY_CODE.get(code.toUpperCase());
  return e ? { code: e.code, description: e.description } : null;
}

/**
 * Search by code prefix ("e11", "J45.9") or by words ("type 2 diab"): every typed word must start a
 * word of the description. Code matches come first (in code order), then word matches ranked by
 * how early the words appear and how short the description is.
 */
export function searchIcd(query: string, limit = 20): IcdCode[] {
  const q = fold(query).trim();
  if (!q) return [];
  const codeKey = q.replace(/[.\s]/g, "");
  const byCode = /^[a-z]\d/.test(codeKey) ? ENTRIES.filter((e) => e.key.startsWith(codeKey)) : [];
  const terms = wordsOf(q);
  const taken = new Set(byCode);
  const scored: { e: Entry; score: number }[] = [];
  if (terms.length) {
    for (const e of ENTRIES) {
      if (taken.has(e)) continue;
      let score = 0;
      let ok = true;
      for (const t of terms) {
        const i = e.words.findIndex((w) => w.startsWith(t));
        if (i < 0) {
          ok = false;
          break;
        }
        score += i;
      }
      if (ok) scored.push({ e, score: score * 100 + e.description.length });
    }
    scored.sort((a, b) => a.score - b.score || a.e.code.localeCompare(b.e.code));
  }
  return [...byCode, ...scored.map((s) => s.e)].slice(0, limit).map(({ code, description }) => ({ code, description }));
}
