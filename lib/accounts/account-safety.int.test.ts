import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { seedAvailability, seedPatient, seedUser } from "@/prisma/builders";
import { db } from "@/lib/server/db";
import { issueApiToken } from "@/lib/server/tokens";
import { resetDatabase } from "@/tests/reset";
import { startCaptureSmtp } from "@/tests/smtp";

// Issue 15, "Sessions and sign-in" (accounts): each rule through the real doors (route handlers
// and server actions → authorize → liveActor), as an attacker or a user would meet it. Every test
// here failed on the code before the fix: registration said "An account with this email already
// exists" (409) and the account could book at once, forgot-password worked synchronously for known
// addresses only, nothing counted requests per address, "password1234" was accepted everywhere,
// admin-set passwords were never forced to change, tokens never expired by default, and the outbox
// held working set-password links.

const http = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => http.headers, cookies: async () => ({ get: () => undefined }) }));
// The queue, captured: each test runs the worker's half itself, when it chooses.
const queued = vi.hoisted(() => ({ jobs: [] as { name: string; payload: unknown }[] }));
vi.mock("@/lib/jobs/queue", async () => {
  const { JOBS } = await import("@/lib/jobs/definitions");
  return {
    queue: async () => ({}),
    enqueue: async (_boss: unknown, name: keyof typeof JOBS, payload: unknown) => {
      queued.jobs.push({ name, payload: JOBS[name].payload.parse(payload) });
      return "job";
    },
  };
});

const { POST: registerRoute } = await import("@/app/api/v1/auth/register/route");
const { POST: confirmRoute } = await import("@/app/api/v1/auth/confirm-email/route");
const { GET: accountRoute } = await import("@/app/api/v1/account/route");
const { PUT: passwordRoute } = await import("@/app/api/v1/account/password/route");
const { POST: resendRoute } = await import("@/app/api/v1/account/confirmation-email/route");
const { POST: bookRoute } = await import("@/app/api/v1/appointments/route");
const { GET: meRoute } = await import("@/app/api/v1/patients/me/route");
const { GET: patientsRoute } = await import("@/app/api/v1/patients/route");
const { POST: staffRoute } = await import("@/app/api/v1/staff/route");
const { GET: tokensList, POST: tokensRoute } = await import("@/app/api/v1/tokens/route");
const { GET: browseOne } = await import("@/app/api/v1/admin/data/[entity]/[id]/route");
const { forgotPasswordAction, setPasswordAction } = await import("@/app/(auth)/password-actions");
const { completePasswordReset, completeRegistration } = await import("./registration");
const { changePassword } = await import("./service");
const { ensureFirstAdmin } = await import("@/lib/staff/bootstrap");
const { createToken } = await import("@/lib/tokens/service");
const { deliverEmail } = await import("@/lib/notifications/mail");
const { getOutboxEmail } = await import("@/lib/notifications/queries");

const STRONG = "lantern-orbit-staple-42";
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const noParams = params({});

/** An HTTP call as a client at `ip`, with a bearer token or none. */
async function call(
  handler: (r: NextRequest, c: { params: Promise<never> }) => Promise<Response>,
  url: string,
  init: { method?: string; body?: unknown; bearer?: string; ip?: string; p?: unknown } = {},
) {
  http.headers = new Headers({
    "x-forwarded-for": init.ip ?? "203.0.113.1",
    ...(init.bearer ? { authorization: `Bearer ${init.bearer}` } : {}),
  });
  const headers = new Headers(http.headers);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  const req = new NextRequest(`http://localhost/api/v1${url}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const res = await handler(req, (init.p ? params(init.p) : noParams) as { params: Promise<never> });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** A sign-in token for an account, as POST /auth/token would give it. */
async function bearerOf(email: string) {
  const u = await db().user.findUniqueOrThrow({ where: { email } });
  return (await issueApiToken({ userId: u.id, role: u.role, sessionVersion: u.sessionVersion })).token;
}

/** Runs the queued jobs as the worker would, delivering to the capture SMTP server. */
async function runJobs() {
  const jobs = queued.jobs.splice(0);
  for (const j of jobs) {
    if (j.name === "account.register") await completeRegistration(db(), j.payload as never, mail);
    if (j.name === "account.passwordReset") await completePasswordReset(db(), j.payload as never, mail);
  }
  return jobs;
}

let smtp: Awaited<ReturnType<typeof startCaptureSmtp>>;
let mail: { smtpUrl: string; from: string; hospitalName: string };
beforeAll(async () => {
  smtp = await startCaptureSmtp();
  mail = { smtpUrl: smtp.url, from: "no-reply@h.org", hospitalName: "Test Hospital" };
});
afterAll(() => smtp.close());

const registration = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  password: STRONG,
  firstName: "Rita",
  lastName: "Reg",
  dateOfBirth: "1990-05-05",
  sex: "female",
  ...extra,
});
const linkIn = (text: string, path: string) => new RegExp(`${path}/([A-Za-z0-9_-]{43})`).exec(text)?.[1];

let admin: { id: string };
beforeEach(async () => {
  await resetDatabase();
  queued.jobs.length = 0;
  smtp.mails.length = 0;
  admin = await seedUser(db(), { email: "admin@h.org", name: "Ada Admin", role: "ADMIN", password: STRONG });
  const known = await seedUser(db(), { email: "known@h.org", name: "Kim Known", role: "PATIENT", password: STRONG });
  await seedPatient(db(), {
    firstName: "Kim",
    lastName: "Known",
    dateOfBirth: "1980-01-01",
    sex: "female",
    userId: known.id,
  });
});

describe("self-registration tells nobody who is a patient here", () => {
  it("answers a known and a new address identically, writes nothing on the request, then emails each owner", async () => {
    const known = await call(registerRoute, "/auth/register", { method: "POST", body: registration("known@h.org") });
    const fresh = await call(registerRoute, "/auth/register", { method: "POST", body: registration("new@h.org") });
    expect(known.status).toBe(202);
    expect(fresh).toEqual({ ...known, headers: fresh.headers });
    expect(JSON.stringify(known.body)).not.toMatch(/exist|already/i);
    // The request did the same work for both: no account, record, email or link yet.
    expect(await db().user.count()).toBe(2);
    expect(await db().outboxEmail.count()).toBe(0);
    expect(queued.jobs.map((j) => j.name)).toEqual(["account.register", "account.register"]);
    expect(Object.keys(queued.jobs[0].payload as object).sort()).toEqual(
      Object.keys(queued.jobs[1].payload as object).sort(),
    );
    expect(JSON.stringify(queued.jobs)).not.toContain(STRONG);

    const knownBefore = await db().user.findUniqueOrThrow({ where: { email: "known@h.org" } });
    await runJobs();
    const toKnown = smtp.mails.find((m) => m.to.includes("known@h.org"))!;
    expect(toKnown.subject).toMatch(/Someone tried to register with your address/);
    expect(toKnown.text).toContain("/forgot-password");
    // The known account is exactly as it was.
    expect(await db().user.findUniqueOrThrow({ where: { email: "known@h.org" } })).toEqual(knownBefore);
    expect(await db().patient.count({ where: { lastName: "Reg" } })).toBe(1);
    const toNew = smtp.mails.find((m) => m.to.includes("new@h.org"))!;
    expect(linkIn(toNew.text, "/register/confirm")).toBeDefined();
  });

  it("forgot password: the same answer and the same (deferred) work for a known and an unknown address", async () => {
    http.headers = new Headers({ "x-forwarded-for": "203.0.113.9" });
    const known = await forgotPasswordAction({ email: "known@h.org" });
    const unknown = await forgotPasswordAction({ email: "nobody@h.org" });
    expect(known).toEqual({ ok: true, data: { done: true } });
    expect(unknown).toEqual(known);
    // Nothing was looked up or written while the visitor waited; the worker does it.
    expect(await db().passwordToken.count()).toBe(0);
    expect(await db().outboxEmail.count()).toBe(0);
    expect(queued.jobs.map((j) => j.name)).toEqual(["account.passwordReset", "account.passwordReset"]);
    await runJobs();
    expect(smtp.mails.map((m) => m.to[0])).toEqual(["known@h.org"]);
  });
});

describe("a self-registered patient confirms the email before anything else", () => {
  async function register(email: string) {
    expect((await call(registerRoute, "/auth/register", { method: "POST", body: registration(email) })).status).toBe(
      202,
    );
    await runJobs();
    return bearerOf(email);
  }

  it("is refused by the API with EMAIL_UNCONFIRMED until the emailed link is used, then books", async () => {
    const doctor = await seedUser(db(), {
      email: "doc@h.org",
      name: "Dr Doc",
      role: "DOCTOR",
      password: STRONG,
      specialty: "Cardiology",
    });
    await seedAvailability(db(), doctor.id, {
      slotMinutes: 30,
      weekly: Array.from({ length: 7 }, (_, weekday) => ({ weekday, start: "00:00", end: "23:30" })),
    });
    const token = await register("rita@h.org");
    // Noon (hospital time, UTC here) three days on: a slot of the grid whatever the hour the test runs.
    const startsAt = `${new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)}T12:00:00.000Z`;

    const refused = await call(bookRoute, "/appointments", {
      method: "POST",
      bearer: token,
      body: { doctorId: doctor.id, startsAt },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: "EMAIL_UNCONFIRMED",
      message: expect.stringMatching(/Confirm your email address first/),
    });
    expect((await call(meRoute, "/patients/me", { bearer: token })).body.error.code).toBe("EMAIL_UNCONFIRMED");
    expect(await db().appointment.count()).toBe(0);
    // Its own account (and so its pending step) it may read.
    expect((await call(accountRoute, "/account", { bearer: token })).body).toMatchObject({
      email: "rita@h.org",
      requiredAction: "VERIFY_EMAIL",
    });

    const link = linkIn(smtp.mails.find((m) => m.to.includes("rita@h.org"))!.text, "/register/confirm")!;
    expect(
      (await call(confirmRoute, "/auth/confirm-email", { method: "POST", body: { token: "made-up" } })).status,
    ).toBe(404);
    expect((await call(confirmRoute, "/auth/confirm-email", { method: "POST", body: { token: link } })).status).toBe(
      200,
    );
    // Single use.
    expect((await call(confirmRoute, "/auth/confirm-email", { method: "POST", body: { token: link } })).status).toBe(
      404,
    );
    // The same session goes on, now with everything a patient may do.
    expect((await call(meRoute, "/patients/me", { bearer: token })).status).toBe(200);
    const booked = await call(bookRoute, "/appointments", {
      method: "POST",
      bearer: token,
      body: { doctorId: doctor.id, startsAt },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  });

  it("resends at most 3 links an hour, each link expires, and staff-registered patients are not affected", async () => {
    const token = await register("late@h.org");
    for (let i = 0; i < 3; i++)
      expect((await call(resendRoute, "/account/confirmation-email", { method: "POST", bearer: token })).status).toBe(
        202,
      );
    const fourth = await call(resendRoute, "/account/confirmation-email", { method: "POST", bearer: token });
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get("Retry-After"))).toBeGreaterThan(0);
    const rows = await db().outboxEmail.findMany({ where: { to: "late@h.org" }, orderBy: { createdAt: "asc" } });
    expect(rows).toHaveLength(4);
    await deliverEmail(db(), rows[3].id, mail);
    const link = linkIn(smtp.mails.at(-1)!.text, "/register/confirm")!;
    await db().passwordToken.updateMany({
      where: { purpose: "CONFIRM_EMAIL" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await call(confirmRoute, "/auth/confirm-email", { method: "POST", body: { token: link } })).status).toBe(
      404,
    );
    // Only the token's hash is stored.
    expect(JSON.stringify(await db().passwordToken.findMany())).not.toContain(link);

    // The seeded patient (an account made by staff) reads the record without any step.
    expect((await call(meRoute, "/patients/me", { bearer: await bearerOf("known@h.org") })).status).toBe(200);
  });
});

describe("per-address limits (shared by every instance through PostgreSQL)", () => {
  it("refuses the 11th registration from one address within the hour with 429, whatever the concurrency; other addresses go on", async () => {
    const answers = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        call(registerRoute, "/auth/register", {
          method: "POST",
          ip: "198.51.100.7",
          body: registration(`flood${i}@h.org`),
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 202)).toHaveLength(10);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(4);
    expect(refused[0].body.error.code).toBe("RATE_LIMITED");
    expect(Number(refused[0].headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(queued.jobs).toHaveLength(10);
    expect(
      (
        await call(registerRoute, "/auth/register", {
          method: "POST",
          ip: "198.51.100.8",
          body: registration("elsewhere@h.org"),
        })
      ).status,
    ).toBe(202);
  });

  it("refuses the 11th password-reset request from one address within the hour", async () => {
    http.headers = new Headers({ "x-forwarded-for": "198.51.100.9" });
    for (let i = 0; i < 10; i++) expect((await forgotPasswordAction({ email: `who${i}@h.org` })).ok).toBe(true);
    expect(await forgotPasswordAction({ email: "known@h.org" })).toMatchObject({
      ok: false,
      error: { code: "RATE_LIMITED" },
    });
    expect(queued.jobs).toHaveLength(10);
  });
});

describe("common and guessable passwords are refused wherever a password is set", () => {
  it("self-registration, staff creation, change password, set-password link and the first admin", async () => {
    const reg = await call(registerRoute, "/auth/register", {
      method: "POST",
      body: registration("weak@h.org", { password: "password1234" }),
    });
    expect(reg.status).toBe(400);
    expect(reg.body.error.fields).toEqual({ password: expect.stringMatching(/easy to guess|most commonly used/) });
    expect(queued.jobs).toHaveLength(0);

    const adminToken = await bearerOf("admin@h.org");
    const staff = await call(staffRoute, "/staff", {
      method: "POST",
      bearer: adminToken,
      body: { name: "Nora Nurse", email: "nora@h.org", role: "NURSE", password: "qwertyuiop12" },
    });
    expect(staff.status).toBe(400);
    expect(staff.body.error.fields.password).toMatch(/most commonly used|easy to guess/);
    expect(await db().user.count({ where: { email: "nora@h.org" } })).toBe(0);

    const ctx = { actor: { id: admin.id, role: "ADMIN" as const, name: "Ada Admin", email: "admin@h.org" }, ip: null };
    await expect(
      changePassword(db(), ctx, { currentPassword: STRONG, newPassword: "1234567890", confirmPassword: "1234567890" }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { newPassword: expect.any(String) } });
    await expect(
      changePassword(db(), ctx, {
        currentPassword: STRONG,
        newPassword: "ada.admin.h.org",
        confirmPassword: "ada.admin.h.org",
      }),
    ).rejects.toMatchObject({ fields: { newPassword: "Do not build your password from your name or email address" } });

    http.headers = new Headers({ "x-forwarded-for": "203.0.113.5" });
    await forgotPasswordAction({ email: "known@h.org" });
    await runJobs();
    const reset = linkIn(smtp.mails.at(-1)!.text, "/set-password")!;
    const weak = await setPasswordAction({ token: reset, password: "iloveyou1234", confirmPassword: "iloveyou1234" });
    expect(weak).toMatchObject({
      ok: false,
      error: { code: "VALIDATION_FAILED", fields: { password: expect.any(String) } },
    });
    // The refusal did not spend the link.
    expect(
      await setPasswordAction({ token: reset, password: `${STRONG}!`, confirmPassword: `${STRONG}!` }),
    ).toMatchObject({ ok: true });

    await resetDatabase();
    await expect(ensureFirstAdmin(db(), { email: "boss@h.org", password: "Password1234" })).rejects.toThrow(
      /ADMIN_PASSWORD is refused/,
    );
    expect(await db().user.count()).toBe(0);
  });
});

describe("a password an admin set is changed at first sign-in", () => {
  it("blocks every call but the password change with 403 PASSWORD_CHANGE_REQUIRED, then works with the new password", async () => {
    const made = await call(staffRoute, "/staff", {
      method: "POST",
      bearer: await bearerOf("admin@h.org"),
      body: { name: "Nick Nurse", email: "nick@h.org", role: "NURSE", password: STRONG },
    });
    expect(made.status).toBe(201);
    const first = await bearerOf("nick@h.org");
    const blocked = await call(patientsRoute, "/patients", { bearer: first });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error).toMatchObject({
      code: "PASSWORD_CHANGE_REQUIRED",
      message: expect.stringMatching(/set by an administrator/),
    });
    expect((await call(accountRoute, "/account", { bearer: first })).body.requiredAction).toBe("UPDATE_PASSWORD");

    const same = await call(passwordRoute, "/account/password", {
      method: "PUT",
      bearer: first,
      body: { currentPassword: STRONG, newPassword: STRONG, confirmPassword: STRONG },
    });
    expect(same.status).toBe(400);
    const changed = await call(passwordRoute, "/account/password", {
      method: "PUT",
      bearer: first,
      body: {
        currentPassword: STRONG,
        newPassword: "nick-own-quiet-harbour",
        confirmPassword: "nick-own-quiet-harbour",
      },
    });
    expect(changed.status).toBe(200);
    // The old token died with the change; a new sign-in works everywhere.
    expect((await call(patientsRoute, "/patients", { bearer: first })).status).toBe(401);
    expect((await call(patientsRoute, "/patients", { bearer: await bearerOf("nick@h.org") })).status).toBe(200);
  });

  it("does not force a change on staff who chose their password through the emailed link, and forces the first admin", async () => {
    const invited = await call(staffRoute, "/staff", {
      method: "POST",
      bearer: await bearerOf("admin@h.org"),
      body: { name: "Ivy Invited", email: "ivy@h.org", role: "NURSE" },
    });
    expect(invited.status).toBe(201);
    const tokenRow = await db().passwordToken.findFirstOrThrow({ where: { userId: invited.body.id } });
    const email = await db().outboxEmail.findFirstOrThrow({ where: { to: "ivy@h.org" } });
    await deliverEmail(db(), email.id, mail);
    const link = linkIn(smtp.mails.find((m) => m.to.includes("ivy@h.org"))!.text, "/set-password")!;
    expect(
      await setPasswordAction({
        token: link,
        password: "ivy-own-quiet-harbour",
        confirmPassword: "ivy-own-quiet-harbour",
      }),
    ).toMatchObject({ ok: true });
    expect(tokenRow.purpose).toBe("INVITE");
    expect((await call(patientsRoute, "/patients", { bearer: await bearerOf("ivy@h.org") })).status).toBe(200);

    await resetDatabase();
    const boot = await ensureFirstAdmin(db(), {});
    expect((await db().user.findUniqueOrThrow({ where: { email: boot.email } })).requiredAction).toBe(
      "UPDATE_PASSWORD",
    );
  });
});

describe("integration tokens expire", () => {
  it("by default after API_TOKEN_DEFAULT_DAYS, never later than API_TOKEN_MAX_DAYS; older never-expiring tokens still work", async () => {
    const adminToken = await bearerOf("admin@h.org");
    const made = await call(tokensRoute, "/tokens", {
      method: "POST",
      bearer: adminToken,
      body: { name: "Lab", scopes: ["full"] },
    });
    expect(made.status).toBe(201);
    const days = (new Date(made.body.token.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
    const tooLong = await call(tokensRoute, "/tokens", {
      method: "POST",
      bearer: adminToken,
      body: { name: "Forever", scopes: ["full"], expiresInDays: 400 },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields).toEqual({ expiresInDays: "At most 365 days" });

    const old = await createToken(
      db(),
      { actor: { id: admin.id, role: "ADMIN", name: "Ada", email: "admin@h.org" }, ip: null },
      { name: "Legacy", scopes: ["full"] },
    );
    await db().apiToken.update({ where: { id: old.token.id }, data: { expiresAt: null } });
    const listed = await call(tokensList, "/tokens", { bearer: old.secret });
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((t: { name: string }) => t.name === "Legacy").expiresAt).toBeNull();
  });
});

describe("the outbox never holds a working link; the delivered email does", () => {
  it("an invitation: masked in the row, the admin page and the data browser API; working in the SMTP mail", async () => {
    const adminToken = await bearerOf("admin@h.org");
    const made = await call(staffRoute, "/staff", {
      method: "POST",
      bearer: adminToken,
      body: { name: "Dr Iris", email: "iris@h.org", role: "DOCTOR", specialty: "Dermatology" },
    });
    expect(made.status).toBe(201);
    const row = await db().outboxEmail.findFirstOrThrow({ where: { to: "iris@h.org" } });
    const page = await getOutboxEmail(db(), row.id);
    const browsed = await call(browseOne, `/admin/data/outbox/${row.id}`, {
      bearer: adminToken,
      p: { entity: "outbox", id: row.id },
    });
    expect(browsed.status).toBe(200);
    for (const stored of [row.text, row.html, page!.text, JSON.stringify(browsed.body)]) {
      const token = linkIn(stored, "/set-password");
      // Whatever looks like a link there opens nothing.
      if (token)
        expect(
          await db().passwordToken.count({
            where: { tokenHash: (await import("./password-tokens")).hashToken(token) },
          }),
        ).toBe(0);
    }
    expect(row.text).toMatch(/\/set-password\/•+/);

    expect(await deliverEmail(db(), row.id, mail)).toBe("sent");
    const sent = smtp.mails.find((m) => m.to.includes("iris@h.org"))!;
    const token = linkIn(sent.text, "/set-password")!;
    expect(sent.raw).toContain(token);
    // The row is still masked after sending, and the mailed link works.
    expect((await db().outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).text).not.toContain(token);
    expect(
      await setPasswordAction({ token, password: "iris-own-quiet-harbour", confirmPassword: "iris-own-quiet-harbour" }),
    ).toMatchObject({ ok: true });
  });
});
