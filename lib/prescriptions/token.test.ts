import { describe, expect, it } from "vitest";
import { issueRxToken, verifyRxToken } from "./token";

describe("prescription verification token", () => {
  it("is url-safe, random and verifies", () => {
    const a = issueRxToken();
    const b = issueRxToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(verifyRxToken(a)).toBe(true);
  });

  it("refuses a tampered token: any changed character, in the random part or the signature", () => {
    const t = issueRxToken();
    for (const i of [0, 10, 21, 30, 42]) {
      const flipped = t.slice(0, i) + (t[i] === "A" ? "B" : "A") + t.slice(i + 1);
      expect(verifyRxToken(flipped)).toBe(false);
    }
  });

  it("refuses malformed input", () => {
    const t = issueRxToken();
    for (const bad of ["", "abc", t.slice(0, 42), `${t}A`, t.replace(/.$/, "!"), "../../etc/passwd"])
      expect(verifyRxToken(bad)).toBe(false);
  });

  it("refuses a token signed with another key", async () => {
    const { createHmac, randomBytes } = await import("node:crypto");
    const nonce = randomBytes(16);
    const forged = Buffer.concat([
      nonce,
      createHmac("sha256", "another-key").update(nonce).digest().subarray(0, 16),
    ]).toString("base64url");
    expect(verifyRxToken(forged)).toBe(false);
  });
});
