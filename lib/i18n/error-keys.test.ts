import { describe, expect, it } from "vitest";
import { en } from "./en";
import { E, errorCatalogue } from "./error-keys";
import { LOCALES } from "./index";
import { isMsg, keyed, parseMsg, renderMessage, type Msg } from "./message";

// Every key an error or a validation message may name (lib/i18n/error-keys.ts), rendered in every
// language: none empty, every parameter shown, French translated.

type Leaf = { path: string[]; value: string | ((...args: never[]) => string) };
function leaves(node: unknown, path: string[] = []): Leaf[] {
  if (typeof node === "string" || typeof node === "function") return [{ path, value: node as Leaf["value"] }];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, [...path, k]));
}
const at = (root: unknown, path: string[]) =>
  path.reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], root);

/** The key of a leaf, with sample arguments a reader would recognise in the sentence. */
function sample(leaf: Leaf): { key: Msg; args: (string | number)[] } {
  const node = at(keyed(errorCatalogue), leaf.path);
  if (typeof leaf.value === "string") return { key: node as Msg, args: [] };
  const fn = leaf.value as (...a: unknown[]) => string;
  // Numbers first (most parameters count something); text where a function needs text.
  for (const make of [(i: number) => 7 + i, (i: number) => `Zed${i}`]) {
    const args = Array.from({ length: fn.length }, (_, i) => make(i));
    try {
      if (typeof fn(...args) === "string") return { key: (node as (...a: unknown[]) => Msg)(...args), args };
    } catch {
      // try the other kind of argument
    }
  }
  throw new Error(`${leaf.path.join(".")}: no sample arguments render it`);
}

const all = leaves(errorCatalogue);
const placeholders = (s: string) => [...s.matchAll(/\{[A-Za-z_]+\}/g)].map((m) => m[0]).sort();

// Words that are the same in both languages (a record's name, a bare word).
const SAME_IN_FRENCH = new Set([
  "errors.records.consultation",
  "errors.records.document",
  "errors.records.patient",
  "errors.records.export",
]);

describe("the error catalogue", () => {
  it("mirrors the English catalogue: each key is the path of the same entry in lib/i18n/en.ts", () => {
    expect(all.length).toBeGreaterThan(200);
    for (const leaf of all) expect(at(en, leaf.path), leaf.path.join(".")).toBe(leaf.value);
  });

  it("renders every key in every language: not empty, no key or placeholder left, every parameter shown", () => {
    for (const leaf of all) {
      const name = leaf.path.join(".");
      const { key, args } = sample(leaf);
      expect(isMsg(key), name).toBe(true);
      expect(parseMsg(key)?.path, name).toEqual(leaf.path);
      const english = renderMessage(key, "en");
      for (const locale of LOCALES) {
        const text = renderMessage(key, locale);
        expect(text.trim(), `${name} (${locale})`).not.toBe("");
        expect(isMsg(text), `${name} (${locale})`).toBe(false);
        expect(text, `${name} (${locale})`).not.toMatch(/undefined|NaN|\[object /);
        // A {name} in the text is the catalogue's own (a URL template), the same in both languages.
        expect(placeholders(text), `${name} (${locale})`).toEqual(placeholders(english));
        // Counts may choose the wording ("1 conflict", "2 conflicts"); every text argument is shown (a status lower-cased, say).
        for (const a of args)
          if (typeof a === "string")
            expect(text.toLowerCase(), `${name} (${locale}) shows ${a}`).toContain(a.toLowerCase());
      }
    }
  });

  it("is translated: French differs from English except for the words both languages share", () => {
    const same = all
      .filter((leaf) => {
        const { key } = sample(leaf);
        return renderMessage(key, "fr") === renderMessage(key, "en");
      })
      .map((leaf) => leaf.path.join("."));
    expect(same.sort()).toEqual([...SAME_IN_FRENCH].sort());
  });

  it("renders a key given as a parameter in the same language (a record's name)", () => {
    expect(renderMessage(E.errors.notFound(E.errors.records.ward), "en")).toBe("That ward was not found.");
    expect(renderMessage(E.errors.notFound(E.errors.records.ward), "fr")).toBe("Introuvable : unité de soins.");
  });

  it("leaves plain text as it is", () => {
    expect(renderMessage("Plain words", "fr")).toBe("Plain words");
  });
});
