import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import {
  checkSecretFingerprint,
  forgetSecretFingerprint,
  SecretMismatchError,
  secretFingerprint,
} from "./secret-fingerprint";

describe("the NEXTAUTH_SECRET fingerprint", () => {
  it("is recorded at the first start, matches the same secret, refuses another one, and never stores the secret", async () => {
    const secret = "first-machine-secret-0123456789abcdef";
    expect(await checkSecretFingerprint(db(), secret)).toBe("recorded");
    expect(await checkSecretFingerprint(db(), secret)).toBe("matches");
    const stored = await db().instanceSetting.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0].value).toBe(secretFingerprint(secret));
    expect(stored[0].value).not.toContain(secret);

    const err = await checkSecretFingerprint(db(), "second-machine-secret-0123456789abcd").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SecretMismatchError);
    expect((err as Error).message).toMatch(/NEXTAUTH_SECRET differs/);
    expect((await db().instanceSetting.findMany())[0].value).toBe(secretFingerprint(secret));

    // A deliberate change on every machine: forgotten, then the next start records the new one.
    expect(await forgetSecretFingerprint(db())).toBe(true);
    expect(await checkSecretFingerprint(db(), "second-machine-secret-0123456789abcd")).toBe("recorded");
  });

  it("lets one of several instances starting at once record it", async () => {
    await forgetSecretFingerprint(db());
    const results = await Promise.all(
      [1, 2, 3].map(() => checkSecretFingerprint(db(), "shared-secret-0123456789abcdef")),
    );
    expect(results.filter((r) => r === "recorded")).toHaveLength(1);
    expect(results.filter((r) => r === "matches")).toHaveLength(2);
  });
});
