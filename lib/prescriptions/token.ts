import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/server/env";

// The verification token behind a prescription's QR code (/rx/{token}): 16 random bytes and a
// 16-byte HMAC-SHA256 of them, base64url (43 characters). Unguessable (128 random bits) and signed,
// so a forged or mistyped token is refused before any database lookup. The key is derived from,
// not equal to, the session secret; rotating that secret invalidates printed QR codes.

const NONCE = 16;
const MAC = 16;
let cached: { secret: string; key: Buffer } | undefined;

function key(): Buffer {
  const secret = authSecret();
  if (cached?.secret !== secret) cached = { secret, key: createHash("sha256").update(`rx-token:${secret}`).digest() };
  return cached.key;
}

const mac = (nonce: Buffer) => createHmac("sha256", key()).update(nonce).digest().subarray(0, MAC);

export function issueRxToken(): string {
  const nonce = randomBytes(NONCE);
  return Buffer.concat([nonce, mac(nonce)]).toString("base64url");
}

/** True when the token is well formed and carries a valid signature. */
export function verifyRxToken(token: string): boolean {
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  const raw = Buffer.from(token, "base64url");
  // Canonical encoding only: the last character has spare bits that would otherwise alias.
  if (raw.length !== NONCE + MAC || raw.toString("base64url") !== token) return false;
  return timingSafeEqual(raw.subarray(NONCE), mac(raw.subarray(0, NONCE)));
}
