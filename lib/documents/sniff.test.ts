import { describe, expect, it } from "vitest";
import { sniffContentType } from "./sniff";

const bytes = (...b: (number | string)[]) =>
  new Uint8Array(b.flatMap((x) => (typeof x === "string" ? [...Buffer.from(x, "latin1")] : [x])));

describe("sniffContentType", () => {
  it.each([
    ["a PDF", bytes("%PDF-1.7\n"), "application/pdf"],
    ["a PNG", bytes(0x89, "PNG\r\n\x1a\n", 0, 0), "image/png"],
    ["a JPEG (JFIF)", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), "image/jpeg"],
    ["a JPEG (Exif)", bytes(0xff, 0xd8, 0xff, 0xe1), "image/jpeg"],
  ])("recognises %s by its first bytes", (_, head, type) => expect(sniffContentType(head)).toBe(type));

  it.each([
    ["a Windows executable", bytes("MZ\x90\x00\x03\x00\x00\x00")],
    ["an HTML page", bytes("<!DOCTYPE html><script>")],
    ["an SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ["a GIF", bytes("GIF89a")],
    ["a ZIP (docx)", bytes("PK\x03\x04")],
    ["a PDF signature not at the start", bytes(" %PDF-1.7")],
    ["a truncated PNG signature", bytes(0x89, "PNG")],
    ["nothing", bytes()],
  ])("refuses %s", (_, head) => expect(sniffContentType(head)).toBeNull());
});
