import { existsSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassword } from "@/lib/accounts/service";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";
import { ensureFirstAdmin } from "./bootstrap";
import { firstAdminPasswordFile, readFirstAdminPassword, writeFirstAdminPassword } from "./first-admin-file";

describe("the first admin's generated password on disk", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "first-admin-"));
    process.env.FIRST_ADMIN_PASSWORD_FILE = path.join(dir, ".data", "first-admin-password");
  });
  afterAll(async () => {
    delete process.env.FIRST_ADMIN_PASSWORD_FILE;
    await rm(dir, { recursive: true, force: true });
  });

  it("is kept (mode 0600) until that admin's first sign-in changes it, which it must", async () => {
    await resetDatabase();
    const admin = await ensureFirstAdmin(db(), {});
    expect(admin.generatedPassword).toBeTruthy();
    await writeFirstAdminPassword(admin.email, admin.generatedPassword!);
    expect(statSync(firstAdminPasswordFile()).mode & 0o777).toBe(0o600);
    expect(await readFirstAdminPassword()).toEqual({ email: admin.email, password: admin.generatedPassword });

    const user = await db().user.findUniqueOrThrow({ where: { email: admin.email } });
    expect(user.requiredAction).toBe("UPDATE_PASSWORD");
    const ctx = { actor: { id: user.id, role: "ADMIN" as const, name: user.name, email: user.email }, ip: null };
    await changePassword(db(), ctx, {
      currentPassword: admin.generatedPassword!,
      newPassword: "my-own-staple-orbit-42",
      confirmPassword: "my-own-staple-orbit-42",
    });
    expect(existsSync(firstAdminPasswordFile())).toBe(false);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).requiredAction).toBeNull();
  });
});
