import { describe, expect, it } from "vitest";
import { safeRedirectPath, sameOriginPath } from "./safe-redirect";

const ORIGIN = "http://127.0.0.1:3300";

describe("sameOriginPath", () => {
  it("keeps paths of the app, with their query and fragment", () => {
    expect(sameOriginPath("/patients", ORIGIN)).toBe("/patients");
    expect(sameOriginPath("/patients?q=ann&page=2#top", ORIGIN)).toBe("/patients?q=ann&page=2#top");
    expect(sameOriginPath("/admin/staff/abc", ORIGIN)).toBe("/admin/staff/abc");
    expect(sameOriginPath("http://127.0.0.1:3300/appointments", ORIGIN)).toBe("/appointments");
    // Percent-encoded slashes stay encoded: a path of the app, not another host.
    expect(sameOriginPath("/%2F%2Fevil.example", ORIGIN)).toBe("/%2F%2Fevil.example");
    expect(sameOriginPath("/%5Cevil.example/phish", ORIGIN)).toBe("/%5Cevil.example/phish");
    // A scheme-relative reference of the app's own scheme is a path of the app, for browsers too.
    expect(sameOriginPath("http:evil.example", ORIGIN)).toBe("/evil.example");
    expect(sameOriginPath("http:/evil.example", ORIGIN)).toBe("/evil.example");
  });

  it("refuses every way of naming another origin", () => {
    const payloads = [
      "//evil.example",
      "//evil.example/phish",
      "/\\evil.example/phish", // what /login?callbackUrl=/%5Cevil.example/phish hands the page
      "\\\\evil.example",
      "/\\/evil.example",
      "https://evil.example/phish",
      "http://evil.example",
      "HTTPS://EVIL.EXAMPLE",
      "http://127.0.0.1:3301/dashboard", // another port is another origin
      "https://127.0.0.1:3300/dashboard", // and another scheme
      "/\t/evil.example",
      "/\n/evil.example",
      "\t//evil.example",
      "/\r\n/evil.example",
      " //evil.example",
      "///evil.example",
      "/.//evil.example", // normalises to //evil.example
      "/..//evil.example",
      "javascript:alert(document.cookie)",
      "JaVaScRiPt:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "http://127.0.0.1:3300@evil.example/",
      "http://evil.example\\@127.0.0.1:3300/",
    ];
    expect(payloads.filter((p) => sameOriginPath(p, ORIGIN) !== null)).toEqual([]);
  });

  it("refuses what is not a string or not a URL", () => {
    for (const p of [undefined, null, "", 42, ["/patients"], "http://[::1"])
      expect(sameOriginPath(p, ORIGIN), String(p)).toBeNull();
  });
});

describe("safeRedirectPath", () => {
  it("falls back to the dashboard, or the given path", () => {
    expect(safeRedirectPath("/\\evil.example/phish", ORIGIN)).toBe("/dashboard");
    expect(safeRedirectPath(undefined, ORIGIN, "/login")).toBe("/login");
    expect(safeRedirectPath("/billing", ORIGIN)).toBe("/billing");
  });
});
