import { readFileSync } from "node:fs";
import path from "node:path";
import bidiFactory from "bidi-js";
import { create, type Font } from "fontkit";
import PDFDocument from "pdfkit";

// pdfkit takes a font fontkit has already parsed (its font factory keeps any object with `layout`);
// @types/pdfkit names only files and bytes.
declare global {
  namespace PDFKit.Mixins {
    interface PDFFont {
      registerFont(name: string, src: Font): this;
    }
  }
}

/** The bytes of a pdfkit document, resolved when it ends: call before drawing, then `doc.end()`. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

// ——— Fonts ———
//
// Names and instructions are written in the patients' own languages, so the PDFs embed Unicode
// fonts shipped with the project (Noto Sans from Google Fonts, packaged on npm by Expo; OFL-1.1)
// instead of the standard PDF fonts, whose WinAnsi encoding has no Vietnamese, Cyrillic, Greek or
// Polish letters. Noto Sans covers Latin (with Vietnamese), Cyrillic and Greek; Arabic script is
// drawn with Amiri (OFL-1.1, same packaging), shaped by fontkit (pdfkit's font engine). Amiri, not
// Noto Sans Arabic: Noto draws a letter's dots as separate glyphs, so letters that share a body (ر
// and ز) share a glyph, and a PDF maps each glyph to one text — "الزهراء" would copy as "الزهزاء".
// Only the glyphs used are embedded (pdfkit subsets), so a one-page prescription stays small.

export type Weight = "regular" | "bold" | "italic";

const FONT_FILES = {
  regular: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
  italic: "@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf",
  arabic: "@expo-google-fonts/amiri/400Regular/Amiri_400Regular.ttf",
  arabicBold: "@expo-google-fonts/amiri/700Bold/Amiri_700Bold.ttf",
} as const;

let parsed: Record<keyof typeof FONT_FILES, Font> | null = null;

/**
 * The fonts, read and parsed once per process and shared by every document: parsing a font and
 * warming its shaping tables per document made a prescription take a second, not milliseconds.
 * (Each document still embeds its own subset.) Read from node_modules: the server build keeps
 * pdfkit external.
 */
function fonts(): Record<keyof typeof FONT_FILES, Font> {
  parsed ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([k, file]) => {
      const font = create(readFileSync(path.join(process.cwd(), "node_modules", file)));
      if (!("layout" in font)) throw new Error(`${file} is a font collection, not a font`);
      return [k, font];
    }),
  ) as Record<keyof typeof FONT_FILES, Font>;
  return parsed;
}

/**
 * Forgets the glyphs the shared fonts made for earlier documents (their parsed tables, the costly
 * part, stay). fontkit caches each glyph with the characters it was first made for, and pdfkit
 * writes those characters into the PDF's text map: a full stop first made as a part of another
 * glyph (when an earlier document's subset was written) would copy as nothing. Each document is
 * laid out and written in one synchronous run (newPdf … doc.end()), so no other document's glyphs
 * are in use meanwhile. (fontkit 2.0.4, pinned: `_glyphs` is its glyph cache.)
 */
function freshGlyphs(font: Font): Font {
  Reflect.set(font, "_glyphs", {});
  return font;
}

/** Where pdfkit puts the baseline below the y it is given, as a share of the size: the Latin font's ascent. */
const latinAscent = () => fonts().regular.ascent / fonts().regular.unitsPerEm;

const weights = new WeakMap<PDFKit.PDFDocument, Weight>();
const sizes = new WeakMap<PDFKit.PDFDocument, number>();

/** A new document with the Unicode fonts registered and the regular one chosen. */
export function newPdf(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument(options);
  for (const [name, font] of Object.entries(fonts())) doc.registerFont(name, freshGlyphs(font));
  return font(doc, "regular");
}

/** Chooses the weight of what `text` draws next; returns the document to chain on. */
export function font(doc: PDFKit.PDFDocument, weight: Weight): PDFKit.PDFDocument {
  weights.set(doc, weight);
  return doc.font(weight);
}

// ——— Right-to-left text ———

const bidi = bidiFactory();

/**
 * How fontkit shapes a run. Left to right: precomposed letters stay whole (Noto Sans's `ccmp`
 * would split "ị" into "i" and a dot below, and a PDF maps each glyph to one text, so every later
 * "i" would read back as "ị"). Right to left: `features` given makes pdfkit shape the run whole
 * (by word it would keep the words left to right), with the script's own features (joining forms).
 */
const LTR = { features: { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[] };
const RTL = { features: [] as PDFKit.Mixins.OpenTypeFeatures[] };
const ASCII = /^[\x20-\x7e]*$/;
const RTL_SCRIPT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/**
 * A paragraph as runs in the order they are drawn, left to right: each run is in one direction
 * (Unicode bidirectional algorithm, via bidi-js), and a right-to-left run stays in logical order
 * because fontkit shapes it (Arabic letters join by their neighbours) and then lays it out right to
 * left itself. In a right-to-left paragraph the runs are drawn in reverse.
 */
export function bidiRuns(text: string): { runs: { text: string; rtl: boolean }[]; rtl: boolean } {
  if (!RTL_SCRIPT.test(text)) return { runs: [{ text, rtl: false }], rtl: false };
  const { levels, paragraphs } = bidi.getEmbeddingLevels(text);
  const rtl = (paragraphs[0]?.level ?? 0) % 2 === 1;
  const runs: { text: string; rtl: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const odd = levels[i] % 2 === 1;
    const last = runs[runs.length - 1];
    if (last && last.rtl === odd) last.text += text[i];
    else runs.push({ text: text[i], rtl: odd });
  }
  return { runs: rtl ? runs.reverse() : runs, rtl };
}

/**
 * Draws text like `doc.text`, in the chosen weight: a paragraph with right-to-left script is drawn
 * run by run, Arabic in the Arabic font, aligned right when the paragraph itself is right to left.
 */
export function text(
  doc: PDFKit.PDFDocument,
  value: string,
  x?: number,
  y?: number,
  options: PDFKit.Mixins.TextOptions = {},
): PDFKit.PDFDocument {
  const weight = weights.get(doc) ?? "regular";
  const { runs, rtl } = bidiRuns(value.normalize("NFC"));
  // pdfkit reads (text, options) and (text, x, y, options) by position: no x means the first form.
  const draw = (value: string, opts: PDFKit.Mixins.TextOptions, at: boolean) =>
    at && (x !== undefined || y !== undefined) ? doc.text(value, x, y, opts) : doc.text(value, opts);
  // Plain ASCII needs no precomposed letters kept whole, and pdfkit caches its layout word by word.
  if (runs.length === 1 && !runs[0].rtl)
    return draw(runs[0].text, { ...(ASCII.test(runs[0].text) ? {} : LTR), ...options }, true);
  const align = rtl && !options.align ? "right" : options.align;
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    doc.font(run.rtl ? (weight === "bold" ? "arabicBold" : "arabic") : weight);
    // An Arabic run sits on the Latin baseline (Amiri's taller ascent would drop it).
    const baseline = run.rtl ? { baseline: -latinAscent() * (sizes.get(doc) ?? 12) } : {};
    // pdfkit measures the continued runs of a line with the first run's features: the left-to-right
    // runs of a mixed line are shaped by default (no features), which measures the Arabic ones right.
    const opts = {
      ...(run.rtl ? RTL : {}),
      ...options,
      ...baseline,
      align,
      continued: last ? options.continued : true,
    };
    draw(run.text, opts, i === 0);
  });
  return doc.font(weight);
}

/** The look of a piece of text: weight, size in points, colour. */
export type Style = { weight: Weight; size: number; color: string };

/** Sets the style of what `text` draws next; returns the document to chain on. */
export function style(doc: PDFKit.PDFDocument, s: Style): PDFKit.PDFDocument {
  sizes.set(doc, s.size);
  return font(doc, s.weight).fontSize(s.size).fillColor(s.color);
}

/** Draws `value` in a style (see `text`); returns the document to chain on. */
export function write(
  doc: PDFKit.PDFDocument,
  s: Style,
  value: string,
  x?: number,
  y?: number,
  options?: PDFKit.Mixins.TextOptions,
): PDFKit.PDFDocument {
  style(doc, s);
  return text(doc, value, x, y, options);
}
