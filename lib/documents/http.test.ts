import { describe, expect, it } from "vitest";
import { contentDisposition, documentHeaders, documentPolicy } from "./http";

describe("contentDisposition", () => {
  it("keeps a plain name as it is", () =>
    expect(contentDisposition("scan.pdf")).toBe(`inline; filename="scan.pdf"; filename*=UTF-8''scan.pdf`));
  it("gives a non-ASCII name an ASCII fallback and its exact UTF-8 form (RFC 5987)", () =>
    expect(contentDisposition("Lettre d'adressage é.pdf")).toBe(
      `inline; filename="Lettre d'adressage _.pdf"; filename*=UTF-8''Lettre%20d%27adressage%20%C3%A9.pdf`,
    ));
  it("cannot be broken out of by quotes, backslashes or line breaks", () => {
    const h = contentDisposition('a"b\\c\r\nSet-Cookie: x.pdf');
    expect(h).not.toMatch(/[\r\n]/);
    expect(h.split('"').length).toBe(3);
  });
});

describe("documentHeaders", () => {
  it("types by the verified content type, forbids sniffing and runs nothing", () => {
    const h = documentHeaders({ contentType: "application/pdf", byteSize: 10, fileName: "x.png" });
    expect(h["Content-Type"]).toBe("application/pdf");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Content-Security-Policy"]).toContain("default-src 'none'");
    expect(h["Content-Disposition"].startsWith("inline;")).toBe(true);
  });
  it("sandboxes images", () => expect(documentPolicy("image/png")).toMatch(/; sandbox$/));
});
