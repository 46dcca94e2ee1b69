import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedPatient, seedUser } from "@/prisma/builders";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";

// The header's patient search (components/shell/PatientSearch.tsx) asks GET /api/v1/patients with
// pageSize=8: through the real door (apiRoute → authorize → the permission table), the signed-in
// actor faked, its scope and audit those of the patients list.
const session = vi.hoisted(() => ({ actor: null as null | { id: string; role: Role; name: string; email: string } }));
vi.mock("@/lib/server/session", () => ({ currentCtx: async () => ({ actor: session.actor, ip: null }) }));

const { GET: searchRoute } = await import("@/app/api/v1/patients/route");
const { HEADER_SEARCH_LIMIT } = await import("@/components/shell/PatientSearch");

const users: Partial<Record<Role, { id: string; role: Role; name: string; email: string }>> = {};
const as = (role: Role | null) => {
  session.actor = role ? users[role]! : null;
};
const search = (q: string, extra = "") =>
  searchRoute(
    new NextRequest(
      `http://localhost/api/v1/patients?pageSize=${HEADER_SEARCH_LIMIT}&q=${encodeURIComponent(q)}${extra}`,
    ),
    { params: Promise.resolve({}) },
  );
const viewRows = () => db().auditEvent.count({ where: { action: "VIEW", entity: "Patient" } });

describe("the header's patient search route", () => {
  beforeEach(async () => {
    await resetDatabase();
    for (const role of ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST", "RECORDS_OFFICER", "PATIENT"] as Role[]) {
      const u = await seedUser(db(), {
        email: `${role.toLowerCase()}@h.org`,
        name: role,
        role,
        password: "pw-0123456789",
      });
      users[role] = { id: u.id, role, name: u.name, email: u.email };
    }
  });

  it("answers every staff role with at most 8 matches, a patient 403 and no one signed in 401", async () => {
    for (let i = 0; i < 11; i++)
      await seedPatient(db(), {
        firstName: `Awa${String.fromCharCode(97 + i)}`,
        lastName: "Diallo",
        dateOfBirth: "1990-01-01",
        sex: "female",
      });
    for (const role of ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST", "RECORDS_OFFICER"] as Role[]) {
      as(role);
      const res = await search("Diallo");
      expect(res.status, role).toBe(200);
      const body = await res.json();
      expect(body.items, role).toHaveLength(8);
      expect(body.total, role).toBe(11);
    }
    as("PATIENT");
    const refused = await search("Diallo");
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).not.toContain("Diallo");
    as(null);
    expect((await search("Diallo")).status).toBe(401);
  });

  it("finds a patient by MRN, by phone and by name prefix, and lists demographics only", async () => {
    const kofi = await seedPatient(db(), {
      firstName: "Kofi",
      lastName: "Mensah",
      dateOfBirth: "1975-03-02",
      sex: "male",
      phone: "+233201234567",
    });
    await seedPatient(db(), { firstName: "Ama", lastName: "Owusu", dateOfBirth: "1980-01-01", sex: "female" });
    as("RECORDS_OFFICER");
    for (const q of [kofi.mrn, kofi.mrn.toLowerCase(), "+23320123", "Mens", "kofi men"]) {
      const body = await (await search(q)).json();
      expect(
        body.items.map((p: { id: string }) => p.id),
        q,
      ).toEqual([kofi.id]);
    }
    const [row] = (await (await search(kofi.mrn)).json()).items;
    expect(Object.keys(row).sort()).toEqual(["dateOfBirth", "firstName", "id", "lastName", "mrn", "phone", "sex"]);
  });

  it("is audited as the list is: a name or MRN search writes no VIEW row; a diagnosis search one per patient shown", async () => {
    const p = await seedPatient(db(), {
      firstName: "Moussa",
      lastName: "Traoré",
      dateOfBirth: "1970-01-01",
      sex: "male",
    });
    await db().condition.create({ data: { patientId: p.id, text: "Asthma" } });
    as("DOCTOR");
    await search("Traoré");
    await search(p.mrn);
    expect(await viewRows()).toBe(0);
    const res = await search("Traoré", "&condition=Asthma");
    expect((await res.json()).items).toHaveLength(1);
    expect(
      await db().auditEvent.findMany({
        where: { action: "VIEW", entity: "Patient" },
        select: { patientId: true, actorId: true },
      }),
    ).toEqual([{ patientId: p.id, actorId: users.DOCTOR!.id }]);
  });
});
