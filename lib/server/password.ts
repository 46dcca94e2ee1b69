import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (OWASP-recommended parameters).
export function hashPassword(plain: string): Promise<string> {
  return hash(plain);
}

export async function verifyPassword(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}

// A fixed hash to verify against when the account does not exist, so that unknown email and
// wrong password take the same time.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hash("not-a-real-password-just-equal-timing");
  return dummy;
}
