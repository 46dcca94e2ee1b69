import { inflateSync } from "node:zlib";

// The text a pdfkit document shows, for tests: each content stream is inflated, and the strings of
// its TJ/Tj operators (hex glyph codes in WinAnsi for the standard fonts) are decoded and joined,
// one line per text operator. Enough to find the words a reader would see.

const WIN_ANSI_HIGH: Record<number, string> = { 0x80: "€", 0x85: "…", 0x8c: "Œ", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—", 0x9c: "œ" };

const decode = (hex: string) =>
  Array.from(Buffer.from(hex, "hex"), (b) => WIN_ANSI_HIGH[b] ?? String.fromCharCode(b)).join("");

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const lines: string[] = [];
  // Each stream is read by its /Length: compressed bytes may end in a byte that looks like a line break.
  const streams = /\/Length (\d+)[^>]*>>\s*stream\r?\n/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const data = raw.slice(m.index + m[0].length, m.index + m[0].length + Number(m[1]));
    let content: string;
    try {
      content = inflateSync(Buffer.from(data, "latin1")).toString("latin1");
    } catch {
      content = data;
    }
    const ops = /\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
    for (let op = ops.exec(content); op; op = ops.exec(content)) {
      const parts = op[1] !== undefined ? Array.from(op[1].matchAll(/<([0-9a-fA-F]*)>/g), (p) => p[1]) : [op[2]];
      lines.push(parts.map(decode).join(""));
    }
  }
  return lines.join("\n");
}
