import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedUser } from "@/prisma/builders";
import { GET as listRoute } from "@/app/api/v1/patients/route";
import { PATCH as patchRoute, GET as readRoute } from "@/app/api/v1/patients/[id]/route";
import { GET as doctorsRoute } from "@/app/api/v1/doctors/route";
import { db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import { parseInput } from "@/lib/server/validation";
import { createToken } from "@/lib/tokens/service";
import { resetDatabase } from "@/tests/reset";
import { readPatient } from "./queries";
import { ZRegisterPatient, ZUpdatePatient } from "./schemas";
import { registerPatient, updatePatient } from "./service";

// Issue 15 §3: a role sees and changes only the fields and filters it may. A records officer works
// with demographics (and allergies): clinical fields of a patient record are refused, each named,
// through the service, hence the API and the server action alike; the diagnosis filter is refused.

let authorization: string | null = null;
vi.mock("next/headers", () => ({ headers: async () => new Headers(authorization ? { authorization } : {}) }));

const PW = "pw-0123456789";
const CLINICAL = "Your role may not change this clinical field";
type Role = Ctx["actor"]["role"];
const ctx: Partial<Record<Role, Ctx>> = {};
const token: Partial<Record<Role, string>> = {};

async function call<P extends Record<string, string>>(
  role: Role,
  handler: (r: NextRequest, c: { params: Promise<P> }) => Promise<Response>,
  path: string,
  init: { method?: string; body?: unknown; params?: P } = {},
) {
  authorization = `Bearer ${token[role]}`;
  const req = new NextRequest(`http://localhost/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const res = await handler(req, { params: Promise.resolve((init.params ?? {}) as P) });
  return { status: res.status, body: await res.json() };
}

const amina = (extra: Record<string, unknown> = {}) =>
  parseInput(ZRegisterPatient, {
    firstName: "Amina",
    lastName: "Diallo",
    dateOfBirth: "1990-05-17",
    sex: "female",
    phone: "+228 90 12 34 56",
    ...extra,
  });

describe("clinical fields and filters by role", () => {
  let patientId: string;

  beforeEach(async () => {
    await resetDatabase();
    for (const role of ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST", "RECORDS_OFFICER"] as const) {
      const u = await seedUser(db(), { email: `${role.toLowerCase()}@h.org`, name: role, role, password: PW });
      ctx[role] = { actor: { id: u.id, role, name: role, email: u.email }, ip: "10.1.1.1" };
      token[role] = (await createToken(db(), ctx[role]!, { name: role, scopes: ["full"] })).secret;
    }
    patientId = (
      await registerPatient(
        db(),
        ctx.DOCTOR!,
        amina({
          bloodGroup: "O+",
          medicalHistory: "HIV since 2015",
          conditions: ["HIV disease"],
          allergies: [{ substance: "Penicillin" }],
        }),
      )
    ).id;
  });

  it("the service refuses a records officer's clinical fields at registration, each named, and writes nothing", async () => {
    const err = await registerPatient(
      db(),
      ctx.RECORDS_OFFICER!,
      amina({ firstName: "Other", bloodGroup: "A+", conditions: ["Asthma"] }),
    ).catch((e) => e);
    expect(err).toMatchObject({
      code: "FORBIDDEN",
      status: 403,
      fields: { bloodGroup: CLINICAL, conditions: CLINICAL },
    });
    expect(Object.keys(err.fields)).toEqual(["bloodGroup", "conditions"]);
    expect(await db().patient.count()).toBe(1);
    // Demographics and allergies are theirs; an empty list of conditions writes nothing and passes.
    const ok = await registerPatient(
      db(),
      ctx.RECORDS_OFFICER!,
      amina({ firstName: "Other", allergies: [{ substance: "Latex" }], conditions: [] }),
    );
    expect((await readPatient(db(), ctx.DOCTOR!, ok.id)).allergies).toEqual([
      expect.objectContaining({ substance: "Latex" }),
    ]);
  });

  it("the service refuses a records officer's edit of conditions, history or blood group — clearing included — and changes nothing", async () => {
    for (const input of [
      { conditions: [] },
      { medicalHistory: null },
      { bloodGroup: "AB-" },
      { conditions: [{ text: "Asthma" }], phone: "+22899999999" },
    ]) {
      const err = await updatePatient(db(), ctx.RECORDS_OFFICER!, patientId, parseInput(ZUpdatePatient, input)).catch(
        (e) => e,
      );
      expect(err, JSON.stringify(input)).toMatchObject({
        code: "FORBIDDEN",
        fields: Object.fromEntries(
          Object.keys(input)
            .filter((k) => k !== "phone")
            .map((k) => [k, CLINICAL]),
        ),
      });
    }
    const record = await readPatient(db(), ctx.DOCTOR!, patientId);
    expect(record.clinical).toMatchObject({
      bloodGroup: "O+",
      medicalHistory: "HIV since 2015",
      conditions: [{ text: "HIV disease" }],
    });
    expect(record.phone).toBe("+22890123456");
    expect(await db().auditEvent.count({ where: { patientId, action: "UPDATE" } })).toBe(0);
    // Demographics go through; a missing record stays a 404, not a 403.
    await updatePatient(
      db(),
      ctx.RECORDS_OFFICER!,
      patientId,
      parseInput(ZUpdatePatient, { phone: "+22899999999", allergies: [] }),
    );
    expect((await readPatient(db(), ctx.DOCTOR!, patientId)).phone).toBe("+22899999999");
    await expect(
      updatePatient(db(), ctx.RECORDS_OFFICER!, "nope", parseInput(ZUpdatePatient, { bloodGroup: "A+" })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Roles that see clinical fields change them.
    for (const role of ["DOCTOR", "NURSE", "ADMIN"] as const)
      await updatePatient(db(), ctx[role]!, patientId, parseInput(ZUpdatePatient, { bloodGroup: "B+" }));
    expect((await readPatient(db(), ctx.DOCTOR!, patientId)).clinical?.bloodGroup).toBe("B+");
  });

  it("PATCH /patients/{id}: 403 with the fields named for a records officer, 200 for a nurse", async () => {
    const refused = await call("RECORDS_OFFICER", patchRoute, `/patients/${patientId}`, {
      method: "PATCH",
      body: { conditions: [], medicalHistory: "", bloodGroup: "A-" },
      params: { id: patientId },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: "FORBIDDEN",
      fields: { conditions: CLINICAL, medicalHistory: CLINICAL, bloodGroup: CLINICAL },
    });
    const read = await call("RECORDS_OFFICER", readRoute, `/patients/${patientId}`, { params: { id: patientId } });
    expect(read.body.clinical).toBeNull();
    expect(JSON.stringify(read.body)).not.toContain("HIV");
    const nurse = await call("NURSE", patchRoute, `/patients/${patientId}`, {
      method: "PATCH",
      body: { bloodGroup: "A-" },
      params: { id: patientId },
    });
    expect(nurse.status).toBe(200);
    expect(nurse.body.clinical).toMatchObject({ bloodGroup: "A-", conditions: [{ text: "HIV disease" }] });
  });

  it("GET /patients?condition=: 400 naming the field for pharmacists and records officers, results for clinicians", async () => {
    for (const role of ["PHARMACIST", "RECORDS_OFFICER"] as const) {
      const res = await call(role, listRoute, "/patients?condition=HIV");
      expect(res.status, role).toBe(400);
      expect(res.body.error).toMatchObject({
        code: "VALIDATION_FAILED",
        fields: { condition: "Your role may not search patients by diagnosis" },
      });
      // The list itself (demographics) is theirs.
      expect((await call(role, listRoute, "/patients?q=amina")).body.total).toBe(1);
    }
    for (const role of ["DOCTOR", "NURSE", "ADMIN"] as const) {
      const res = await call(role, listRoute, "/patients?condition=HIV");
      expect(res.status, role).toBe(200);
      expect(res.body.items.map((p: { id: string }) => p.id)).toEqual([patientId]);
    }
  });

  it("GET /doctors: active doctors with public fields only, never an email or a deactivated account", async () => {
    const active = await seedUser(db(), {
      email: "dr.on@h.org",
      name: "Dr On",
      role: "DOCTOR",
      password: PW,
      specialty: "Cardiology",
    });
    const gone = await seedUser(db(), { email: "dr.off@h.org", name: "Dr Off", role: "DOCTOR", password: PW });
    await db().user.update({ where: { id: gone.id }, data: { active: false } });
    const res = await call("PHARMACIST", doctorsRoute, "/doctors?pageSize=100");
    expect(res.status).toBe(200);
    const ids = res.body.items.map((d: { id: string }) => d.id);
    expect(ids).toContain(active.id);
    expect(ids).not.toContain(gone.id);
    expect(JSON.stringify(res.body)).not.toContain("@h.org");
  });
});
