import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

// The generated password of the first admin is also kept in .data/first-admin-password (mode 0600,
// beside the other local secrets), because the start's output scrolls it away: until that admin's
// first sign-in has replaced it, when the file is deleted (lib/accounts/service.ts changePassword,
// and at every start when the admin no longer has to change it).

/** .data/first-admin-password in the folder the app runs from (npm start runs every process there). */
export function firstAdminPasswordFile(): string {
  return process.env.FIRST_ADMIN_PASSWORD_FILE || path.join(process.cwd(), ".data", "first-admin-password");
}

export async function writeFirstAdminPassword(email: string, password: string): Promise<string> {
  const file = firstAdminPasswordFile();
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `email ${email}\npassword ${password}\n`, { mode: 0o600 });
  return file;
}

/** The email and password kept in the file, or null when there is no such file. */
export async function readFirstAdminPassword(): Promise<{ email: string; password: string } | null> {
  const text = await readFile(firstAdminPasswordFile(), "utf8").catch(() => null);
  const email = text && /^email (.+)$/m.exec(text)?.[1];
  const password = text && /^password (.+)$/m.exec(text)?.[1];
  return email && password ? { email, password } : null;
}

/** Deletes the file when it holds `email`'s password (the first admin has chosen their own). */
export async function forgetFirstAdminPassword(email: string): Promise<void> {
  const kept = await readFirstAdminPassword();
  if (kept && kept.email.toLowerCase() === email.toLowerCase()) await rm(firstAdminPasswordFile(), { force: true });
}
