/** The bytes of a pdfkit document, resolved when it ends: call before drawing, then `doc.end()`. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

/**
 * Text the standard PDF fonts can draw: their WinAnsi encoding has the no-break space but not the
 * narrow one Intl puts in French numbers ("1 234,56 $"), so that becomes a no-break space.
 */
export const pdfSafe = (text: string): string => text.replace(/\u202f/g, "\u00a0");
