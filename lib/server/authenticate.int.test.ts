import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { seedUser } from "@/prisma/builders";
import { resetDatabase } from "@/tests/reset";
import { BAD_CREDENTIALS, authenticate } from "./authenticate";
import { clock } from "./clock";
import { db } from "./db";
import { AppError } from "./errors";

const PASSWORD = "correct-horse-battery";
const T0 = new Date("2027-03-01T08:00:00Z");

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
  afterEach(() => vi.restoreAllMocks());

  it("accepts the right password, whatever the email's case, and audits the sign-in", async () => {
    const user = await authenticate(db(), { email: " DOC@example.org ", password: PASSWORD, ip: "1.2.3.4" });
    expect(user).toMatchObject({ email: "doc@example.org", role: "DOCTOR", sessionVersion: 0 });
    expect(await db().auditEvent.findFirst({ where: { action: "LOGIN" } })).toMatchObject({
      actorId: user.id,
      ip: "1.2.3.4",
    });
  });

  it("refuses NUL or a lone surrogate in the credentials like wrong ones (the sign-in page hands them over unparsed; they reached PostgreSQL: 500)", async () => {
    for (const input of [
      { email: "doc@example.org\u0000", password: PASSWORD },
      { email: "doc@example.org", password: "x\u0000" },
      { email: "\ud800@example.org", password: PASSWORD },
    ]) {
      const err = await failure(authenticate(db(), { ...input, ip: "1.2.3.4" }));
      expect(err).toBeInstanceOf(AppError);
      expect(err.code).toBe("UNAUTHENTICATED");
      expect(err.message).toBe(BAD_CREDENTIALS);
    }
  });

  it("gives the same error for a wrong password, an unknown email and a deactivated account", async () => {
    const errors = await Promise.all([
      failure(authenticate(db(), { email: "doc@example.org", password: "nope", ip: null })),
      failure(authenticate(db(), { email: "nobody@example.org", password: "nope", ip: null })),
      failure(authenticate(db(), { email: "gone@example.org", password: PASSWORD, ip: null })),
    ]);
    for (const e of errors)
      expect(e.toBody()).toEqual({ error: { code: "UNAUTHENTICATED", message: BAD_CREDENTIALS } });
  });

  it("slows one address down on an account after 5 failures, even for the right password, doubling each time", async () => {
    const at = (seconds: number) => vi.spyOn(clock, "now").mockReturnValue(new Date(T0.getTime() + seconds * 1000));
    at(0);
    for (let i = 0; i < 5; i++)
      await failure(authenticate(db(), { email: "doc@example.org", password: `bad${i}`, ip: "9.9.9.9" }));
    const first = await failure(authenticate(db(), { email: "doc@example.org", password: PASSWORD, ip: "9.9.9.9" }));
    expect(first.code).toBe("RATE_LIMITED");
    expect(first.retryAfter).toBe(60);
    at(61);
    await failure(authenticate(db(), { email: "doc@example.org", password: "bad5", ip: "9.9.9.9" }));
    at(62);
    expect(
      (await failure(authenticate(db(), { email: "doc@example.org", password: PASSWORD, ip: "9.9.9.9" }))).retryAfter,
    ).toBe(119);
    // Once the wait is over the right password works, and forgets the failures.
    at(61 + 120);
    await expect(
      authenticate(db(), { email: "doc@example.org", password: PASSWORD, ip: "9.9.9.9" }),
    ).resolves.toMatchObject({ role: "DOCTOR" });
  });

  it("never locks an account for another address (it did: 5 failures from anywhere locked the doctor out)", async () => {
    for (let i = 0; i < 8; i++)
      await failure(authenticate(db(), { email: "doc@example.org", password: `bad${i}`, ip: "6.6.6.6" }));
    expect(
      (await failure(authenticate(db(), { email: "doc@example.org", password: PASSWORD, ip: "6.6.6.6" }))).code,
    ).toBe("RATE_LIMITED");
    await expect(
      authenticate(db(), { email: "doc@example.org", password: PASSWORD, ip: "7.7.7.7" }),
    ).resolves.toMatchObject({ role: "DOCTOR" });
    // Nor for addresses that each failed a few times.
    for (let i = 0; i < 12; i++)
      await failure(authenticate(db(), { email: "doc@example.org", password: "bad", ip: `9.9.9.${i}` }));
    await expect(
      authenticate(db(), { email: "doc@example.org", password: PASSWORD, ip: "9.9.9.1" }),
    ).resolves.toMatchObject({ role: "DOCTOR" });
  });

  it("keeps failures for the window only: the address may try again after it", async () => {
    const at = (minutes: number) => vi.spyOn(clock, "now").mockReturnValue(new Date(T0.getTime() + minutes * 60_000));
    at(0);
    for (let i = 0; i < 20; i++)
      await failure(authenticate(db(), { email: `guess${i}@example.org`, password: "x", ip: "6.6.6.6" }));
    at(14);
    expect(
      (await failure(authenticate(db(), { email: "doc@example.org", password: PASSWORD, ip: "6.6.6.6" }))).retryAfter,
    ).toBe(60);
    at(15.1);
    await expect(
      authenticate(db(), { email: "doc@example.org", password: PASSWORD, ip: "6.6.6.6" }),
    ).resolves.toMatchObject({ role: "DOCTOR" });
  });

  it("throttles one address trying many accounts", async () => {
    for (let i = 0; i < 20; i++)
      await failure(authenticate(db(), { email: `guess${i}@example.org`, password: "x", ip: "6.6.6.6" }));
    expect(
      (await failure(authenticate(db(), { email: "doc@example.org", password: PASSWORD, ip: "6.6.6.6" }))).code,
    ).toBe("RATE_LIMITED");
    // Another address is not affected.
    await expect(
      authenticate(db(), { email: "doc@example.org", password: PASSWORD, ip: "7.7.7.7" }),
    ).resolves.toMatchObject({ role: "DOCTOR" });
  });

  it("forgets an account's failures after a successful sign-in", async () => {
    for (let i = 0; i < 4; i++)
      await failure(authenticate(db(), { email: "doc@example.org", password: "bad", ip: null }));
    await authenticate(db(), { email: "doc@example.org", password: PASSWORD, ip: null });
    for (let i = 0; i < 4; i++)
      await failure(authenticate(db(), { email: "doc@example.org", password: "bad", ip: null }));
    await expect(authenticate(db(), { email: "doc@example.org", password: PASSWORD, ip: null })).resolves.toMatchObject(
      { role: "DOCTOR" },
    );
  });
});
