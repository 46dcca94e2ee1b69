import { beforeEach, describe, expect, it } from "vitest";
import { seedUser } from "@/prisma/builders";
import { resetDatabase } from "@/tests/reset";
import { BAD_CREDENTIALS, authenticate } from "./authenticate";
import { db } from "./db";
import { AppError } from "./errors";

const PASSWORD = "correct-horse-battery";

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error("expected a failure");
}

describe("authenticate", () => {
  beforeEach(async () => {
    await resetDatabase();
    await seedUser(db(), { email: "Doc@Example.org", name: "Doc", role: "DOCTOR", password: PASSWORD });
    await seedUser(db(), { email: "gone@example.org", name: "Gone", role: "NURSE", password: PASSWORD, active: false });
  });

  it("accepts the right password, whatever the email's case, and audits the sign-in", async () => {
    const user = await authenticate(db(), { email: " DOC@example.org ", password: PASSWORD, ip: "1.2.3.4" });
    expect(user).toMatchObject({ email: "doc@example.org", role: "DOCTOR", sessionVersion: 0 });
    expect(await db().auditEvent.findFirst({ where: { action: "LOGIN" } })).toMatchObject({ actorId: user.id, ip: "1.2.3.4" });
  });

  it("gives the same error for a wrong password, an unknown email and a deactivated account", async () => {
    const errors = await Promise.all([
      failure(authenticate(db(), { email: "doc@example.org", password: "nope", ip: null })),
      failure(authenticate(db(), { email: "nobody@example.org", password: "nope", ip: null })),
      failure(authenticate(db(), { email: "gone@example.org", password: PASSWORD, ip: null })),
    ]);
    for (const e of errors) expect(e.toBody()).toEqual({ error: { code: "UNAUTHENTICATED", message: BAD_CREDENTIALS } });
  });

  it("throttles an account after 5 failures, even for the right password, and says when to retry", async () => {
    for (let i = 0; i < 5; i++) await failure(authenticate(db(), { email: "doc@example.org", password: `bad${i}`, ip: `9.9.9.${i}` }));
    const e = await failure(authenticate(db(), { email: "doc@example.org", password: PASSWORD, ip: "9.9.9.99" }));
    expect(e.code).toBe("RATE_LIMITED");
    expect(e.retryAfter).toBeGreaterThan(14 * 60);
    expect(e.retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it("throttles one address trying many accounts", async () => {
    for (let i = 0; i < 20; i++) await failure(authenticate(db(), { email: `guess${i}@example.org`, password: "x", ip: "6.6.6.6" }));
    expect((await failure(authenticate(db(), { email: "doc@example.org", password: PASSWORD, ip: "6.6.6.6" }))).code).toBe("RATE_LIMITED");
    // Another address is not affected.
    await expect(authenticate(db(), { email: "doc@example.org", password: PASSWORD, ip: "7.7.7.7" })).resolves.toMatchObject({ role: "DOCTOR" });
  });

  it("forgets an account's failures after a successful sign-in", async () => {
    for (let i = 0; i < 4; i++) await failure(authenticate(db(), { email: "doc@example.org", password: "bad", ip: null }));
    await authenticate(db(), { email: "doc@example.org", password: PASSWORD, ip: null });
    for (let i = 0; i < 4; i++) await failure(authenticate(db(), { email: "doc@example.org", password: "bad", ip: null }));
    await expect(authenticate(db(), { email: "doc@example.org", password: PASSWORD, ip: null })).resolves.toMatchObject({ role: "DOCTOR" });
  });
});
