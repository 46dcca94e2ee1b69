import { describe, expect, it } from "vitest";
import { issueApiToken, verifyApiToken } from "./tokens";

describe("API tokens", () => {
  const claims = { userId: "u1", role: "DOCTOR" as const, sessionVersion: 3 };

  it("round-trips the claims and expires after the configured time", async () => {
    const now = new Date();
    const { token, expiresAt } = await issueApiToken(claims, now);
    expect(expiresAt.getTime() - now.getTime()).toBe(60 * 60_000);
    expect(await verifyApiToken(token)).toEqual(claims);
  });

  it("refuses an expired token", async () => {
    const { token } = await issueApiToken(claims, new Date(Date.now() - 2 * 60 * 60_000));
    expect(await verifyApiToken(token)).toBeNull();
  });

  it("refuses a token whose payload was altered", async () => {
    const { token } = await issueApiToken(claims);
    const [h, p, s] = token.split(".");
    const payload = JSON.parse(Buffer.from(p, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...payload, role: "ADMIN" })).toString("base64url");
    expect(await verifyApiToken(`${h}.${forged}.${s}`)).toBeNull();
    expect(await verifyApiToken("not-a-token")).toBeNull();
  });
});
