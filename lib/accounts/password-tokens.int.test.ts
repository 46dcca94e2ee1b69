import { beforeEach, describe, expect, it } from "vitest";
import { seedUser } from "@/prisma/builders";
import { authenticate } from "@/lib/server/authenticate";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";
import type { TokenPurpose } from "@/lib/generated/prisma/enums";
import { linkToken, MASK } from "@/lib/notifications/links";
import {
  describePasswordToken,
  hashToken,
  issueLink,
  requestPasswordReset,
  setPasswordWithToken,
} from "./password-tokens";

const OLD = "old-password-1234";
const NEW = "new-password-5678";

describe("one-time password links", () => {
  let user: { id: string };
  /** A link's working token, as only the email sender (and this test) rebuilds it. */
  const issuePasswordToken = async (_db: unknown, userId: string, purpose: TokenPurpose) =>
    linkToken((await issueLink(db(), userId, purpose)).tokenId);
  beforeEach(async () => {
    await resetDatabase();
    user = await seedUser(db(), { email: "nina@x.org", name: "Nina", role: "NURSE", password: OLD });
  });

  it("sets the password once, bumps the session version, and the link then stops working", async () => {
    const token = await issuePasswordToken(db(), user.id, "INVITE");
    expect(await describePasswordToken(db(), token)).toEqual({ name: "Nina", purpose: "INVITE" });
    await setPasswordWithToken(db(), { token, password: NEW }, "1.2.3.4");
    await expect(authenticate(db(), { email: "nina@x.org", password: NEW, ip: null })).resolves.toMatchObject({
      sessionVersion: 1,
    });
    await expect(authenticate(db(), { email: "nina@x.org", password: OLD, ip: null })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(await describePasswordToken(db(), token)).toBeNull();
    await expect(setPasswordWithToken(db(), { token, password: "another-password-9" }, null)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "UPDATE" } });
    expect(event).toMatchObject({ actorId: user.id, ip: "1.2.3.4", details: { field: "password", via: "INVITE" } });
    expect(JSON.stringify(event.details)).not.toContain(NEW);
  });

  it("lets exactly one of two concurrent uses win", async () => {
    const token = await issuePasswordToken(db(), user.id, "RESET");
    const results = await Promise.allSettled([
      setPasswordWithToken(db(), { token, password: "first-winner-123" }, null),
      setPasswordWithToken(db(), { token, password: "second-winner-456" }, null),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(
      ["NOT_FOUND"],
    );
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
  });

  it("refuses an expired link, an unknown one, and a deactivated account's", async () => {
    const token = await issuePasswordToken(db(), user.id, "RESET");
    await db().passwordToken.update({
      where: { tokenHash: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await describePasswordToken(db(), token)).toBeNull();
    await expect(setPasswordWithToken(db(), { token, password: NEW }, null)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "This link is invalid, has expired or was already used.",
    });
    await expect(setPasswordWithToken(db(), { token: "made-up", password: NEW }, null)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const live = await issuePasswordToken(db(), user.id, "INVITE");
    await db().user.update({ where: { id: user.id }, data: { active: false } });
    await expect(setPasswordWithToken(db(), { token: live, password: NEW }, null)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // The refusal rolled back: the link was not spent.
    expect((await db().passwordToken.findUniqueOrThrow({ where: { tokenHash: hashToken(live) } })).usedAt).toBeNull();
  });

  it("spends the account's other open links when one is used", async () => {
    const first = await issuePasswordToken(db(), user.id, "RESET");
    const second = await issuePasswordToken(db(), user.id, "RESET");
    await setPasswordWithToken(db(), { token: second, password: NEW }, null);
    await expect(
      setPasswordWithToken(db(), { token: first, password: "another-password-9" }, null),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("forgot password: a RESET link for an active account, nothing for unknown or deactivated ones", async () => {
    const id = await requestPasswordReset(db(), { email: " NINA@x.org " }, "5.6.7.8");
    expect(id).not.toBeNull();
    const email = await db().outboxEmail.findUniqueOrThrow({ where: { id: id! } });
    expect(email).toMatchObject({ to: "nina@x.org", status: "OUTBOX" });
    // The outbox keeps the link masked; the token is rebuilt from the row id only when sending.
    expect(email.text).toContain(`/set-password/${MASK}`);
    const token = linkToken(email.linkTokenId!);
    expect(email.text + email.html).not.toContain(token);
    const row = await db().passwordToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(row.purpose).toBe("RESET");
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(3600_000, -4);

    expect(await requestPasswordReset(db(), { email: "nobody@x.org" }, null)).toBeNull();
    await seedUser(db(), { email: "gone@x.org", name: "Gone", role: "NURSE", password: OLD, active: false });
    expect(await requestPasswordReset(db(), { email: "gone@x.org" }, null)).toBeNull();
    expect(await db().outboxEmail.count()).toBe(1);
  });

  it("caps reset emails per account and hour", async () => {
    for (let i = 0; i < 3; i++) expect(await requestPasswordReset(db(), { email: "nina@x.org" }, null)).not.toBeNull();
    expect(await requestPasswordReset(db(), { email: "nina@x.org" }, null)).toBeNull();
    expect(await db().outboxEmail.count()).toBe(3);
  });
});
