import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedUser } from "@/prisma/builders";
import { catalog } from "@/lib/i18n";
import { resetDatabase } from "@/tests/reset";
import { defineOperation } from "./contract";
import { db } from "./db";
import { issueApiToken } from "./tokens";

// An error answered in the caller's language, by key: a French caller (their own language, the
// language cookie, or Accept-Language) gets French for the errors that used to reach them in English —
// a database conflict mapped by lib/server/errors-map.ts, the triage's "no department" and the
// authentication refusals.

const http = vi.hoisted(() => ({ headers: new Headers(), cookie: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  headers: async () => http.headers,
  cookies: async () => ({
    get: (name: string) => (name === "hms_locale" && http.cookie ? { name, value: http.cookie } : undefined),
  }),
}));

const { POST: tokenRoute } = await import("@/app/api/v1/auth/token/route");
const { POST: triageRoute } = await import("@/app/api/v1/triage/route");
const { apiRoute } = await import("./api");

const en = catalog("en");
const fr = catalog("fr");
const PW = "pw-0123456789";
const noParams = { params: Promise.resolve({}) };

function request(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; cookie?: string } = {},
) {
  http.headers = new Headers({ "content-type": "application/json", ...init.headers });
  http.cookie = init.cookie;
  return new NextRequest(`http://localhost/api/v1${path}`, {
    method: init.method ?? "POST",
    headers: http.headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
async function answer(res: Promise<Response>) {
  const r = await res;
  return {
    status: r.status,
    error: (await r.json()).error as {
      code: string;
      message: string;
      fields?: Record<string, string>;
      correlationId?: string;
    },
  };
}

/** A route whose write the database refuses as a duplicate (a unique violation no service names). */
const DUPLICATE = defineOperation({
  method: "POST",
  path: "/duplicates",
  tag: "test",
  summary: "A test route.",
  permission: "patient.read",
});
const duplicateRoute = apiRoute(DUPLICATE, async () => {
  throw Object.assign(new Error("Unique constraint failed"), { code: "P2002" });
});

describe("errors in the caller's language", () => {
  let nurseBearer: string;

  beforeEach(async () => {
    await resetDatabase();
    const nurse = await seedUser(db(), { email: "nurse@h.org", name: "Nadia", role: "NURSE", password: PW });
    await db().user.update({ where: { id: nurse.id }, data: { language: "fr" } });
    nurseBearer = (await issueApiToken({ userId: nurse.id, role: "NURSE", sessionVersion: nurse.sessionVersion }))
      .token;
  });

  it("a mapped database conflict: French for a French user, English for an English caller", async () => {
    const french = await answer(
      duplicateRoute(
        request("/things", { headers: { authorization: `Bearer ${nurseBearer}`, "accept-language": "en" } }),
        noParams,
      ),
    );
    expect(french.status).toBe(409);
    expect(french.error).toMatchObject({ code: "DUPLICATE", message: fr.errors.duplicate });
    expect(fr.errors.duplicate).not.toBe(en.errors.duplicate);
    await db().user.updateMany({ data: { language: "en" } });
    const english = await answer(
      duplicateRoute(request("/things", { headers: { authorization: `Bearer ${nurseBearer}` } }), noParams),
    );
    expect(english.error).toMatchObject({ code: "DUPLICATE", message: "A record with these details already exists." });
  });

  it("the triage with no department set up", async () => {
    const res = await answer(
      triageRoute(
        request("/triage", {
          body: { problem: "chest pain since this morning" },
          headers: { authorization: `Bearer ${nurseBearer}` },
        }),
        noParams,
      ),
    );
    expect(res.status).toBe(404);
    expect(res.error).toMatchObject({ code: "NOT_FOUND", message: fr.triage.errors.noDepartment });
    expect(fr.triage.errors.noDepartment).not.toBe(en.triage.errors.noDepartment);
  });

  it("authentication: a wrong password, by Accept-Language and by the language cookie, and a missing sign-in", async () => {
    const body = { email: "nurse@h.org", password: "wrong-password-1" };
    const byHeader = await answer(
      tokenRoute(request("/auth/token", { body, headers: { "accept-language": "fr-FR,fr;q=0.9" } }), noParams),
    );
    expect(byHeader.status).toBe(401);
    expect(byHeader.error).toEqual({
      code: "UNAUTHENTICATED",
      message: fr.login.badCredentials,
      correlationId: undefined,
    });
    const byCookie = await answer(
      tokenRoute(request("/auth/token", { body, headers: { "accept-language": "en" }, cookie: "fr" }), noParams),
    );
    expect(byCookie.error.message).toBe(fr.login.badCredentials);
    const english = await answer(
      tokenRoute(request("/auth/token", { body, headers: { "accept-language": "en" } }), noParams),
    );
    expect(english.error.message).toBe("Email or password is incorrect.");

    const anonymous = await answer(
      triageRoute(request("/triage", { body: { problem: "cough" }, headers: { "accept-language": "fr" } }), noParams),
    );
    expect(anonymous.status).toBe(401);
    expect(anonymous.error.message).toBe(fr.errors.signIn);
  });

  it("field messages of validation keep their structure and are French too", async () => {
    const res = await answer(
      tokenRoute(request("/auth/token", { body: { email: "" }, headers: { "accept-language": "fr" } }), noParams),
    );
    expect(res.status).toBe(400);
    expect(res.error.message).toBe(fr.errors.fixFields);
    expect(Object.keys(res.error.fields ?? {}).sort()).toEqual(["email", "password"]);
    expect(res.error.fields?.email).toBe(fr.login.enterEmail);
  });
});
