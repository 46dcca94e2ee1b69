import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedDepartment, seedPatient, seedUser } from "@/prisma/builders";
import type { Role } from "@/lib/generated/prisma/enums";
import { en } from "@/lib/i18n/en";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";

// Issue 15 §1 through the real route doors (apiRoute / publicRoute / the FHIR route), the signed-in
// actor faked: unsafe text, unknown references and refused reads answer 4xx and write nothing.
const session = vi.hoisted(() => ({ actor: null as null | { id: string; role: Role; name: string; email: string } }));
vi.mock("@/lib/server/session", () => ({ currentCtx: async () => ({ actor: session.actor, ip: null }) }));

const token = await import("@/app/api/v1/auth/token/route");
const register = await import("@/app/api/v1/auth/register/route");
const patients = await import("@/app/api/v1/patients/route");
const patient = await import("@/app/api/v1/patients/[id]/route");
const wards = await import("@/app/api/v1/wards/[id]/route");
const record = await import("@/app/api/v1/admin/data/[entity]/[id]/route");
const fhir = await import("@/app/fhir/R4/[...path]/route");

const req = (url: string, init?: { method?: string; body?: unknown; raw?: string }) =>
  new NextRequest(`http://localhost${url}`, {
    method: init?.method ?? "GET",
    headers: { "content-type": "application/json" },
    body: init?.raw ?? (init?.body === undefined ? undefined : JSON.stringify(init.body)),
  });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const errorOf = async (res: Response) => ({
  status: res.status,
  ...((await res.json()) as { error: { code: string; fields?: Record<string, string> } }).error,
});
const unsafe = en.errors.unsafeText;

async function rowCounts() {
  const tables = await db().$queryRawUnsafe<{ t: string }[]>(
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  const out: Record<string, number> = {};
  for (const { t } of tables)
    out[t] = Number((await db().$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${t}"`))[0].n);
  return out;
}

let admin: { id: string; role: Role; name: string; email: string };

describe("input rules at the doors", () => {
  beforeEach(async () => {
    await resetDatabase();
    const a = await seedUser(db(), { email: "admin@h.org", name: "Admin", role: "ADMIN", password: "pw-0123456789" });
    admin = { id: a.id, role: "ADMIN", name: a.name, email: a.email };
    session.actor = admin;
  });

  it("refuses NUL and lone surrogates anonymously on /auth/token and /auth/register (they reached PostgreSQL: 500)", async () => {
    session.actor = null;
    const before = await rowCounts();
    // A raw body: JSON.stringify would escape the lone surrogate the same way, as "\ud800".
    const nul = await errorOf(
      await token.POST(
        req("/api/v1/auth/token", { method: "POST", raw: '{"email":"a\\u0000@h.org","password":"x"}' }),
        params({}),
      ),
    );
    expect(nul).toMatchObject({ status: 400, code: "VALIDATION_FAILED", fields: { email: unsafe } });
    const lone = await errorOf(
      await token.POST(
        req("/api/v1/auth/token", { method: "POST", raw: '{"email":"a@h.org","password":"\\ud800"}' }),
        params({}),
      ),
    );
    expect(lone).toMatchObject({ status: 400, fields: { password: unsafe } });
    const reg = await errorOf(
      await register.POST(
        req("/api/v1/auth/register", {
          method: "POST",
          body: {
            email: "n@h.org",
            password: "Long-enough-pass-1",
            firstName: "A\u0000",
            lastName: "B",
            dateOfBirth: "1990-01-01",
            sex: "female",
          },
        }),
        params({}),
      ),
    );
    expect(reg).toMatchObject({ status: 400, fields: { firstName: unsafe } });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses them in a query string, in an unknown query parameter and in a path param, naming the field", async () => {
    expect(await errorOf(await patients.GET(req("/api/v1/patients?q=%00"), params({})))).toMatchObject({
      status: 400,
      fields: { q: unsafe },
    });
    expect(await errorOf(await patients.GET(req("/api/v1/patients?zzz=a%00"), params({})))).toMatchObject({
      status: 400,
      fields: { zzz: unsafe },
    });
    expect(await errorOf(await patient.GET(req("/api/v1/patients/%00"), params({ id: "\u0000" })))).toMatchObject({
      status: 400,
      fields: { id: unsafe },
    });
    expect(
      await errorOf(await fhir.GET(req("/fhir/R4/Patient?name=%00"), params({ path: ["Patient"] }))),
    ).toMatchObject({ status: 400 });
    expect((await fhir.GET(req("/fhir/R4/Patient/%2500"), params({ path: ["Patient", "%00"] }))).status).toBe(400);
  });

  it("refuses a lone surrogate in a body field before anything is stored (the audit details failed on it)", async () => {
    const before = await rowCounts();
    const res = await patients.POST(
      req("/api/v1/patients", {
        method: "POST",
        body: { firstName: "Ama\ud800", lastName: "Owusu", dateOfBirth: "1990-01-01", sex: "female" },
      }),
      params({}),
    );
    expect(await errorOf(res)).toMatchObject({ status: 400, fields: { firstName: unsafe } });
    expect(await rowCounts()).toEqual(before);
  });

  it("answers an unknown departmentId on PATCH /wards/{id} with 400 naming the field (it was 500)", async () => {
    const dep = await seedDepartment(db(), "Medicine");
    const ward = await db().ward.create({ data: { name: "W1", type: "GENERAL", departmentId: dep.id } });
    const res = await wards.PATCH(
      req(`/api/v1/wards/${ward.id}`, { method: "PATCH", body: { departmentId: "no-such-department" } }),
      params({ id: ward.id }),
    );
    expect(await errorOf(res)).toMatchObject({
      status: 400,
      code: "VALIDATION_FAILED",
      fields: { departmentId: en.errors.unknownReference },
    });
    expect((await db().ward.findUniqueOrThrow({ where: { id: ward.id } })).departmentId).toBe(dep.id);
  });

  it("writes no VIEW row for a refused read: the query is checked before the record is read", async () => {
    const p = await seedPatient(db(), {
      firstName: "Amara",
      lastName: "Bello",
      dateOfBirth: "1990-01-01",
      sex: "female",
    });
    const allergy = await db().allergy.create({ data: { patientId: p.id, substance: "Penicillin" } });
    const views = () => db().auditEvent.count({ where: { action: "VIEW" } });
    const refused = await record.GET(
      req(`/api/v1/admin/data/allergies/${allergy.id}?pageSize=1000`),
      params({ entity: "allergies", id: allergy.id }),
    );
    expect(refused.status).toBe(400);
    expect(await views()).toBe(0);
    const missing = await record.GET(
      req(`/api/v1/admin/data/allergies/nope`),
      params({ entity: "allergies", id: "nope" }),
    );
    expect(missing.status).toBe(404);
    expect(await views()).toBe(0);
    expect(
      (
        await record.GET(
          req(`/api/v1/admin/data/allergies/${allergy.id}`),
          params({ entity: "allergies", id: allergy.id }),
        )
      ).status,
    ).toBe(200);
    expect(await views()).toBe(1);
  });

  it("parses query numbers from digits only (?page=1e1, ?page=true, FHIR _count=1e1 → 400)", async () => {
    for (const q of ["page=1e1", "page=true", "pageSize=0x10", "page=%201"]) {
      expect(await errorOf(await patients.GET(req(`/api/v1/patients?${q}`), params({}))), q).toMatchObject({
        status: 400,
        code: "VALIDATION_FAILED",
      });
    }
    expect((await fhir.GET(req("/fhir/R4/Patient?_count=1e1"), params({ path: ["Patient"] }))).status).toBe(400);
    expect((await patients.GET(req("/api/v1/patients?page=1&pageSize=10"), params({}))).status).toBe(200);
  });
});
