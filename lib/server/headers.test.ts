import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { describe, expect, it } from "vitest";
import {
  API_PATHS,
  contentSecurityPolicy,
  newNonce,
  pageHeaders,
  PERMISSIONS_POLICY,
  staticHeaderRules,
} from "./headers";

const directives = (csp: string) =>
  Object.fromEntries(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe("newNonce", () => {
  it("is 128 random bits in base64, new every time", () => {
    const nonces = Array.from({ length: 1000 }, newNonce);
    expect(new Set(nonces).size).toBe(1000);
    for (const n of nonces.slice(0, 20)) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("contentSecurityPolicy", () => {
  it("is strict in production: only this response's scripts run, no inline code of any kind, no eval, no plugins, no framing", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123==" });
    expect(directives(csp)).toEqual({
      "default-src": ["'self'"],
      "script-src": ["'self'", "'nonce-abc123=='", "'strict-dynamic'"],
      "style-src": ["'self'", "'nonce-abc123=='"],
      "img-src": ["'self'"],
      "font-src": ["'self'"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "frame-ancestors": ["'none'"],
      "form-action": ["'self'"],
    });
    expect(csp).not.toMatch(/unsafe-|data:|blob:|\*/);
  });

  it("carries a nonce Next finds and puts on its scripts", () => {
    const nonce = newNonce();
    expect(getScriptNonceFromHeader(contentSecurityPolicy({ nonce }))).toBe(nonce);
  });

  it("upgrades http sub-resources when the public URL is https", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", https: true }))).toHaveProperty("upgrade-insecure-requests");
    expect(directives(contentSecurityPolicy({ nonce: "n" }))).not.toHaveProperty("upgrade-insecure-requests");
  });

  it("allows next dev its eval and its overlay's styles, in development only", () => {
    const d = directives(contentSecurityPolicy({ nonce: "n", dev: true }));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-n'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(d["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe("pageHeaders", () => {
  it("gives a page its policy and no-store; HSTS only when the public URL is https", () => {
    const http = pageHeaders({ nonce: "n" });
    expect(http["Content-Security-Policy"]).toContain("'nonce-n'");
    expect(http["Cache-Control"]).toContain("no-store");
    expect(http).not.toHaveProperty("Strict-Transport-Security");
    expect(pageHeaders({ nonce: "n", https: true })["Strict-Transport-Security"]).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });
});

describe("staticHeaderRules (next.config.ts)", () => {
  const rules = staticHeaderRules();
  const headersOf = (source: string) =>
    Object.fromEntries(rules.find((r) => r.source === source)!.headers.map((h) => [h.key, h.value]));

  it("sends nosniff, no framing, same-origin referrers and no camera, microphone, location or payment on every response", () => {
    expect(headersOf("/:path*")).toEqual({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "same-origin",
      "Permissions-Policy": PERMISSIONS_POLICY,
    });
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"])
      expect(PERMISSIONS_POLICY).toContain(`${feature}=()`);
  });

  it("marks every /api and /fhir answer no-store", () => {
    expect(API_PATHS).toEqual(["/api/:path*", "/fhir/:path*"]);
    for (const source of API_PATHS) expect(headersOf(source)).toEqual({ "Cache-Control": "no-store" });
  });
});
