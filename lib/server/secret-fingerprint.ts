import { createHmac, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/server/db";

// Several machines on one database must share NEXTAUTH_SECRET: a session or link signed by one is
// checked by another. Each zero-setup machine makes up its own (.data/secret), so the first start on a
// database records a fingerprint of its secret there — an HMAC of a constant keyed by the secret,
// which tells secrets apart and reveals nothing of them — and every later start compares its own.

const KEY = "nextauth-secret-fingerprint";
const CONSTANT = "hospital: NEXTAUTH_SECRET fingerprint v1";

/** The fingerprint of `secret`: HMAC-SHA256 of a constant, hex. */
export function secretFingerprint(secret: string): string {
  return createHmac("sha256", secret).update(CONSTANT).digest("hex");
}

export class SecretMismatchError extends Error {}

/**
 * Records the fingerprint of `secret` when the database has none (the first start wins when several
 * start at once), and throws SecretMismatchError when the recorded one is another secret's.
 */
export async function checkSecretFingerprint(prisma: Db, secret: string): Promise<"recorded" | "matches"> {
  const mine = secretFingerprint(secret);
  const inserted = await prisma.instanceSetting.createMany({ data: [{ key: KEY, value: mine }], skipDuplicates: true });
  if (inserted.count === 1) return "recorded";
  const { value } = await prisma.instanceSetting.findUniqueOrThrow({ where: { key: KEY } });
  if (value.length === mine.length && timingSafeEqual(Buffer.from(value), Buffer.from(mine))) return "matches";
  throw new SecretMismatchError(
    "NEXTAUTH_SECRET differs from the one this database was first started with.\n" +
      "Every machine that uses this database must be given the same NEXTAUTH_SECRET (a zero-setup machine\n" +
      "makes up its own in .data/secret): copy the first machine's value into this one's environment or .env.\n" +
      "If the secret was changed on purpose on every machine (all sessions and emailed links then end), run\n" +
      "`npm run console -- secret forget` once, then start again.",
  );
}

/** Forgets the recorded fingerprint: the next start records its own secret's. */
export async function forgetSecretFingerprint(prisma: Db): Promise<boolean> {
  const { count } = await prisma.instanceSetting.deleteMany({ where: { key: KEY } });
  return count > 0;
}
