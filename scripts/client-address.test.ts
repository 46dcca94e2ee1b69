import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import {
  applyClientAddress,
  clientAddress,
  clientAddressRewriter,
  parseAddress,
  trustedProxies,
} from "./client-address.mjs";

const none = trustedProxies(undefined);
const proxies = trustedProxies("127.0.0.1, 10.0.0.0/8, fd00::/8");

function request(peer: string, headers: Record<string, string>) {
  return { socket: { remoteAddress: peer }, headers: { ...headers } } as unknown as IncomingMessage;
}

describe("parseAddress", () => {
  it("reads the forms proxies write", () => {
    expect(parseAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(parseAddress(" 203.0.113.7:51234 ")).toBe("203.0.113.7");
    expect(parseAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(parseAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(parseAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(parseAddress("fe80::1%eth0")).toBe("fe80::1");
  });

  it("refuses what is not an address", () => {
    for (const s of [
      "",
      "unknown",
      "evil.example",
      "1.2.3",
      "1.2.3.4.5",
      "'; DROP TABLE x",
      "1.2.3.4\u0000",
      "[1.2.3.4",
    ])
      expect(parseAddress(s), s).toBeNull();
  });
});

describe("trustedProxies", () => {
  it("trusts nobody by default", () => {
    expect(none("127.0.0.1")).toBe(false);
    expect(trustedProxies(" , ")("10.0.0.1")).toBe(false);
  });

  it("matches addresses and ranges, IPv4-mapped too", () => {
    expect(proxies("127.0.0.1")).toBe(true);
    expect(proxies("::ffff:127.0.0.1")).toBe(true);
    expect(proxies("10.20.30.40")).toBe(true);
    expect(proxies("fd12::3")).toBe(true);
    expect(proxies("127.0.0.2")).toBe(false);
    expect(proxies("11.0.0.1")).toBe(false);
    expect(proxies("garbage")).toBe(false);
    expect(proxies(undefined)).toBe(false);
  });

  it("stops the server on a malformed entry", () => {
    for (const spec of ["10.0.0.0/33", "proxy.internal", "10.0.0.0/8/1", "10.0.0.0/x", "::1/129"])
      expect(() => trustedProxies(spec), spec).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("clientAddress", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("198.51.100.9", "1.1.1.1", none)).toBe("198.51.100.9");
    expect(clientAddress("::ffff:198.51.100.9", "1.1.1.1, 2.2.2.2", none)).toBe("198.51.100.9");
    expect(clientAddress("127.0.0.1", "6.6.6.6", none)).toBe("127.0.0.1");
  });

  it("walks X-Forwarded-For from the right over trusted proxies", () => {
    // A client's own forged entry sits to the left of what our proxy appended: it is never reached.
    expect(clientAddress("127.0.0.1", "6.6.6.6, 203.0.113.7", proxies)).toBe("203.0.113.7");
    expect(clientAddress("127.0.0.1", "6.6.6.6, 203.0.113.7, 10.1.2.3", proxies)).toBe("203.0.113.7");
    expect(clientAddress("127.0.0.1", ["6.6.6.6", "203.0.113.7"], proxies)).toBe("203.0.113.7");
    expect(clientAddress("127.0.0.1", "[2001:db8::7]:443", proxies)).toBe("2001:db8::7");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientAddress("203.0.113.7", "10.1.2.3", proxies)).toBe("203.0.113.7");
  });

  it("is the furthest proxy when every hop is trusted, and the last good one before garbage", () => {
    expect(clientAddress("127.0.0.1", "10.0.0.5, 10.0.0.6", proxies)).toBe("10.0.0.5");
    expect(clientAddress("127.0.0.1", "", proxies)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", undefined, proxies)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "203.0.113.7, not-an-ip", proxies)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "not-an-ip, 10.0.0.9", proxies)).toBe("10.0.0.9");
  });
});

describe("applyClientAddress", () => {
  it("puts the one client address in X-Forwarded-For and drops what a client may not say", () => {
    const req = request("198.51.100.9", {
      "x-forwarded-for": "6.6.6.6",
      "x-real-ip": "7.7.7.7",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      forwarded: "for=6.6.6.6",
      host: "app",
    });
    applyClientAddress(req, none);
    expect(req.headers).toEqual({ "x-forwarded-for": "198.51.100.9", host: "app" });
  });

  it("keeps a trusted proxy's host and scheme", () => {
    const req = request("127.0.0.1", {
      "x-forwarded-for": "6.6.6.6, 203.0.113.7",
      "x-forwarded-host": "hospital.example",
      "x-forwarded-proto": "https",
    });
    applyClientAddress(req, proxies);
    expect(req.headers).toEqual({
      "x-forwarded-for": "203.0.113.7",
      "x-forwarded-host": "hospital.example",
      "x-forwarded-proto": "https",
    });
  });

  it("reads TRUSTED_PROXIES from the environment", () => {
    const req = request("10.9.9.9", { "x-forwarded-for": "203.0.113.8" });
    clientAddressRewriter({ TRUSTED_PROXIES: "10.0.0.0/8" })(req);
    expect(req.headers["x-forwarded-for"]).toBe("203.0.113.8");
    const direct = request("10.9.9.9", { "x-forwarded-for": "203.0.113.8" });
    clientAddressRewriter({})(direct);
    expect(direct.headers["x-forwarded-for"]).toBe("10.9.9.9");
  });
});
