// What a document is, read from its first bytes (its "magic number"), never from its name or the
// type the client declared: a file called scan.png that starts with %PDF- is a PDF, and an .exe
// renamed .pdf (it starts with MZ) is none of the accepted types. Three signatures, so a table
// rather than a dependency (file-type knows hundreds and would accept types we must refuse).

export const DOCUMENT_TYPES = {
  "application/pdf": { ext: "pdf", image: false, signature: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  "image/png": { ext: "png", image: true, signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }, // \x89PNG\r\n\x1a\n
  "image/jpeg": { ext: "jpg", image: true, signature: [0xff, 0xd8, 0xff] }, // SOI + the first marker
} as const;
export type DocumentContentType = keyof typeof DOCUMENT_TYPES;

/** Bytes needed to tell every accepted type apart. */
export const SNIFF_BYTES = Math.max(...Object.values(DOCUMENT_TYPES).map((t) => t.signature.length));

/** The accepted type whose signature `head` starts with, or null (unknown, or too short to tell). */
export function sniffContentType(head: Uint8Array): DocumentContentType | null {
  for (const [type, { signature }] of Object.entries(DOCUMENT_TYPES) as [
    DocumentContentType,
    (typeof DOCUMENT_TYPES)[DocumentContentType],
  ][]) {
    if (head.length >= signature.length && signature.every((b, i) => head[i] === b)) return type;
  }
  return null;
}

export const isImage = (type: string): boolean =>
  (DOCUMENT_TYPES as Record<string, { image: boolean }>)[type]?.image ?? false;
