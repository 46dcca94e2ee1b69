import { beforeEach, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/server/authenticate";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";
import { ensureFirstAdmin } from "./bootstrap";

describe("first admin", () => {
  beforeEach(resetDatabase);

  it("creates the admin from the given credentials once", async () => {
    expect(await ensureFirstAdmin(db(), { email: "Boss@Hospital.org", password: "given-password-1" })).toEqual({
      created: true,
      email: "boss@hospital.org",
      generatedPassword: null,
    });
    expect(await ensureFirstAdmin(db(), { email: "other@hospital.org", password: "x" })).toMatchObject({
      created: false,
    });
    await expect(
      authenticate(db(), { email: "boss@hospital.org", password: "given-password-1", ip: null }),
    ).resolves.toMatchObject({ role: "ADMIN" });
  });

  it("generates a password that works when none is given", async () => {
    const result = await ensureFirstAdmin(db(), {});
    expect(result.generatedPassword).toMatch(/^[\w-]{16}$/);
    await expect(
      authenticate(db(), { email: result.email, password: result.generatedPassword!, ip: null }),
    ).resolves.toMatchObject({ role: "ADMIN" });
  });

  it("creates exactly one admin when several instances start at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        ensureFirstAdmin(db(), { email: `admin${i}@h.org`, password: "first-admin-lantern-9" }),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db().user.count()).toBe(1);
  });
});
