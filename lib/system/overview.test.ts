import { describe, expect, it } from "vitest";
import { faviconSvg, initials } from "./favicon";
import { addressChecks } from "./overview";

const byKey = (checks: ReturnType<typeof addressChecks>) => Object.fromEntries(checks.map((c) => [c.key, c.ok]));

describe("addressChecks", () => {
  it("a public https address behind a named proxy, opened at that address, passes every check", () => {
    const c = addressChecks("hms.example.org", {
      APP_URL: "https://hms.example.org",
      NEXTAUTH_URL: "https://hms.example.org/",
      TRUSTED_PROXIES: "127.0.0.1",
    });
    expect(byKey(c)).toEqual({ appUrlSet: true, urlsAgree: true, https: true, sameHost: true, trustedProxies: true });
  });
  it("flags plain http on a public name, disagreeing URLs, another host and no trusted proxy", () => {
    const c = addressChecks("10.0.0.5:3000", {
      APP_URL: "http://hms.example.org",
      NEXTAUTH_URL: "https://other.example.org",
    });
    expect(byKey(c)).toMatchObject({ appUrlSet: true, urlsAgree: false, sameHost: false, trustedProxies: false });
    expect(byKey(addressChecks(null, { APP_URL: "http://hms.example.org" })).https).toBe(false);
  });
  it("the zero-setup localhost start is fine without APP_URL's HTTPS or a proxy, but APP_URL unset is flagged", () => {
    expect(byKey(addressChecks("localhost:3000", {}))).toEqual({
      appUrlSet: false,
      urlsAgree: true,
      https: true,
      sameHost: true,
      trustedProxies: true,
    });
  });
});

describe("favicon", () => {
  it("shows the hospital's initials, escaped", () => {
    expect(initials("City General Hospital")).toBe("CG");
    expect(initials("hôpital")).toBe("H");
    expect(initials("  ")).toBe("H");
    const svg = faviconSvg("<A&B> Clinic");
    expect(svg).toContain("<title>&#60;A&#38;B&#62; Clinic</title>");
    expect(svg).not.toContain("<A&B>");
  });
});
