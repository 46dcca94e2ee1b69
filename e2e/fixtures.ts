import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect, type APIRequestContext, type BrowserContext, type Locator, type Page } from "@playwright/test";

// The demo accounts seeded by prisma/seed.ts for the e2e run (scripts/test.ts seeds them).
export const PASSWORD = "Demo-pass-2026";
/**
 * A birth date of a test patient's own (1940–1964, from the clock): patients a spec makes again and
 * again under names that differ by a letter or two would, with one birth date, rightly be taken by
 * the duplicate matcher for one person (409 DUPLICATE).
 */
export const distinctBirthDate = (): string =>
  new Date(Date.UTC(1940, 0, 1) + (Date.now() % 9000) * 86_400_000).toISOString().slice(0, 10);

export const USERS = {
  ADMIN: "admin@demo.hospital",
  DOCTOR: "doctor@demo.hospital",
  NURSE: "nurse@demo.hospital",
  PHARMACIST: "pharmacist@demo.hospital",
  RECORDS_OFFICER: "records@demo.hospital",
  PATIENT: "patient@demo.hospital",
} as const;
export type RoleName = keyof typeof USERS;
export const ROLE_NAMES = Object.keys(USERS) as RoleName[];

/**
 * The time a walk over `steps` pages or requests may take: 15 s each, at least a minute. A walk
 * proves what every page shows, not how fast a busy machine serves ~40 of them (on an idle machine
 * a page takes well under a second; with five builds running beside it, several seconds).
 */
export const walkTimeout = (steps: number) => Math.max(60_000, steps * 15_000);

export const storageFor = (role: RoleName) => `.test-artifacts/auth/${role}.json`;

/** `list` in parts of at most `size`, with a label ("3/7") for the test's name. */
export function parts<T>(list: readonly T[], size: number): { label: string; items: T[] }[] {
  const n = Math.ceil(list.length / size);
  return Array.from({ length: n }, (_, i) => ({ label: `${i + 1}/${n}`, items: list.slice(i * size, (i + 1) * size) }));
}

/** Records every Content-Security-Policy violation the context's pages report, as the event and as the console's message. */
export async function watchViolations(context: BrowserContext, page: Page): Promise<string[]> {
  const seen: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(
        `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
  page.on("console", (m) => {
    if (/Content Security Policy|CSP violation/i.test(m.text())) seen.push(`${page.url()}: ${m.text()}`);
  });
  return seen;
}

/** Waits until Next's client code ran on the page (it hydrated): the sign that its scripts ran under the policy. */
export async function expectHydrated(page: Page, path: string): Promise<void> {
  // Not "networkidle": the navigation bar's prefetches are aborted as the next page opens, and on a
  // busy machine Playwright's idle wait can outlast a whole walk.
  await page.waitForLoadState("load");
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { next?: { version?: string } }).next?.version ?? null), {
      message: `${path} hydrated`,
    })
    .not.toBeNull();
}

/**
 * A screenshot for a person to look at (each spec's pages at desktop and tablet widths), taken only
 * when E2E_SCREENS=1 (`E2E_SCREENS=1 npm test`). The default run takes none: no one looks at them
 * there, and each is a frame rasterized in software (a full page is several).
 */
export async function screenshot(target: Page | Locator, options: { path: string; fullPage?: boolean }): Promise<void> {
  if (process.env.E2E_SCREENS !== "1") return;
  if ("goto" in target) await target.screenshot(options);
  else await target.screenshot({ path: options.path });
}

/** Signs in through the real form. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function apiToken(
  request: APIRequestContext,
  email: string,
  password = PASSWORD,
): Promise<{ token: string; userId: string }> {
  const res = await request.post("/api/v1/auth/token", { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
  const body = await res.json();
  return { token: body.token, userId: body.user.id };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

let doctorId: string | undefined;
/** The demo cardiologist's user id (Dr. Grace Okafor), through the doctors API. */
export async function demoDoctorId(request: APIRequestContext): Promise<string> {
  if (doctorId) return doctorId;
  const { token } = await apiToken(request, USERS.PATIENT);
  const res = await request.get("/api/v1/doctors?q=Okafor", { headers: bearer(token) });
  expect(res.status()).toBe(200);
  doctorId = (await res.json()).items[0].id as string;
  return doctorId;
}

/**
 * Moves a booked visit to start now, straight in the e2e database: a visit can only be checked in on
 * its day and completed once it has started, and the API books only future slots. One second long,
 * so that visits of one doctor moved by specs a few seconds apart never overlap.
 */
export async function startVisitNow(appointmentId: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `UPDATE "Appointment" SET "startsAt" = date_trunc('milliseconds', now()), "endsAt" = date_trunc('milliseconds', now()) + interval '1 second' WHERE id = $1`,
      [appointmentId],
    );
  } finally {
    await client.end();
  }
}

let drugId: string | undefined;
/** Amoxicillin 500 mg capsule's id, through the drugs API. */
export async function demoDrugId(request: APIRequestContext): Promise<string> {
  if (drugId) return drugId;
  const { token } = await apiToken(request, USERS.PHARMACIST);
  const res = await request.get("/api/v1/drugs?q=amoxicillin", { headers: bearer(token) });
  expect(res.status()).toBe(200);
  drugId = ((await res.json()).items as { id: string; form: string; genericName: string }[]).find(
    (d) => d.genericName === "amoxicillin" && d.form === "capsule",
  )!.id;
  return drugId;
}

let patientId: string | undefined;
/** The demo patient's record id (Sam Patient, the patient account's own record), through the patients API. */
export async function demoPatientId(request: APIRequestContext): Promise<string> {
  if (patientId) return patientId;
  const { token } = await apiToken(request, USERS.DOCTOR);
  const res = await request.get(`/api/v1/patients?q=${encodeURIComponent("Sam Patient")}`, { headers: bearer(token) });
  expect(res.status()).toBe(200);
  patientId = (await res.json()).items[0].id as string;
  return patientId;
}

/** The ids e2e/routes.ts's paths name ({doctorId}, {drugId}, {patientId}). */
export async function routeIds(request: APIRequestContext) {
  return {
    doctorId: await demoDoctorId(request),
    drugId: await demoDrugId(request),
    patientId: await demoPatientId(request),
  };
}

// Mail sent during the e2e run. scripts/test.ts starts an in-process SMTP server, points SMTP_URL of
// both web servers and of the two job workers at it, and stores every message it receives as a JSON
// file in E2E_MAILDIR. Wards/admissions specs: check the doctor's assignment and discharge emails with
// `await waitForMail((m) => m.to.includes("doctor@demo.hospital") && /assigned/i.test(m.subject))`.
export type Mail = { to: string[]; from: string; subject: string; text: string; receivedAt: string };

/** Every mail received so far, oldest first (an empty list when the run has no mail directory). */
export function readMails(): Mail[] {
  const dir = process.env.E2E_MAILDIR;
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Mail)
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

/** The one-time link (set-password, email confirmation) in a mail's text, as an app path. */
export function linkIn(mail: Mail, path: "/set-password" | "/register/confirm"): string {
  const match = new RegExp(`https?://[^/\\s]+(${path}/[A-Za-z0-9_-]{43})`).exec(mail.text);
  expect(match, `a working ${path} link in "${mail.subject}"`).not.toBeNull();
  return match![1];
}

/**
 * A patient's self-registration through the API, confirmed through the emailed link as the patient
 * would (new accounts can do nothing before): returns when the account is ready to use.
 */
export async function registerPatient(
  request: APIRequestContext,
  data: { email: string; password: string; firstName: string; lastName: string; dateOfBirth: string; sex: string },
) {
  const res = await request.post("/api/v1/auth/register", { data });
  expect(res.status(), await res.text()).toBe(202);
  const mail = await waitForMail((m) => m.to.includes(data.email) && /Confirm your email/.test(m.subject));
  const token = linkIn(mail, "/register/confirm").split("/").at(-1);
  const confirmed = await request.post("/api/v1/auth/confirm-email", { data: { token } });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
}

/** Waits (polling) for a mail matching `match`, and returns it; fails after `timeout` ms. */
export async function waitForMail(match: (m: Mail) => boolean, timeout = 15_000): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(() => (found = readMails().find(match)) !== undefined, { timeout, message: "expected mail was not received" })
    .toBe(true);
  return found!;
}
