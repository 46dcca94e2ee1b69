import { NextRequest } from "next/server";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedPatient, seedUser } from "@/prisma/builders";
import type { Role } from "@/lib/generated/prisma/enums";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { resetDatabase } from "@/tests/reset";
import { auditFilterNames, listAuditEvents } from "./queries";

const session = vi.hoisted(() => ({ actor: null as null | { id: string; role: Role; name: string; email: string } }));
vi.mock("@/lib/server/session", () => ({ currentCtx: async () => ({ actor: session.actor, ip: null }) }));
const { GET: auditRoute } = await import("@/app/api/v1/audit/route");
const { GET: actorsRoute } = await import("@/app/api/v1/audit/actors/route");

const page = { skip: 0, take: 50 };
const today = () => DateTime.now().setZone(env().HOSPITAL_TIMEZONE).toISODate()!;
const shift = (days: number) => DateTime.now().setZone(env().HOSPITAL_TIMEZONE).plus({ days }).toISODate()!;

describe("audit trail filters", () => {
  let admin: { id: string; role: Role; name: string; email: string };
  let nurse: { id: string; role: Role; name: string; email: string };
  let patientId: string;
  beforeEach(async () => {
    await resetDatabase();
    const a = await seedUser(db(), {
      email: "admin@h.org",
      name: "Ada Admin",
      role: "ADMIN",
      password: "pw-0123456789",
    });
    const n = await seedUser(db(), {
      email: "nurse@h.org",
      name: "Nina Nurse",
      role: "NURSE",
      password: "pw-0123456789",
    });
    admin = { id: a.id, role: "ADMIN", name: a.name, email: a.email };
    nurse = { id: n.id, role: "NURSE", name: n.name, email: n.email };
    const p = await seedPatient(db(), {
      firstName: "Kofi",
      lastName: "Mensah",
      dateOfBirth: "1975-03-02",
      sex: "male",
    });
    patientId = p.id;
    await audit(
      db(),
      { actor: nurse, ip: null },
      { action: "VIEW", entity: "Patient", entityId: p.id, patientId: p.id },
    );
    await audit(db(), { actor: admin, ip: null }, { action: "UPDATE", entity: "Ward", entityId: "w1" });
    await audit(
      db(),
      { actor: nurse, ip: null },
      { action: "CREATE", entity: "VitalSign", entityId: "v1", patientId: p.id },
    );
  });

  it("filter by user, patient, action and a date range (days at the hospital, both included)", async () => {
    const actions = async (f: Parameters<typeof listAuditEvents>[1]) =>
      (await listAuditEvents(db(), f, page)).items.map((e) => e.action);
    expect(await actions({ actorId: nurse.id })).toEqual(["CREATE", "VIEW"]);
    expect(await actions({ patientId })).toEqual(["CREATE", "VIEW"]);
    expect(await actions({ action: "UPDATE" })).toEqual(["UPDATE"]);
    expect(await actions({ actorId: nurse.id, action: "VIEW" })).toEqual(["VIEW"]);
    expect(await actions({ from: today(), to: today() })).toEqual(["CREATE", "UPDATE", "VIEW"]);
    expect(await actions({ from: shift(1) })).toEqual([]);
    expect(await actions({ to: shift(-1) })).toEqual([]);
    expect(await actions({ from: shift(-3), to: shift(-1) })).toEqual([]);
  });

  it("name the chosen user and patient for the filter form", async () => {
    const names = await auditFilterNames(db(), { actorId: nurse.id, patientId });
    expect(names.actor).toEqual({ id: nurse.id, label: "Nina Nurse", detail: "nurse@h.org" });
    expect(names.patient).toMatchObject({ id: patientId, label: "Mensah, Kofi" });
    expect(await auditFilterNames(db(), {})).toEqual({ actor: null, patient: null });
  });

  it("the API takes the same filters and refuses a malformed date or action with 400, not 500", async () => {
    session.actor = admin;
    const get = (qs: string) =>
      auditRoute(new NextRequest(`http://localhost/api/v1/audit?${qs}`), { params: Promise.resolve({}) });
    const ok = await get(`actorId=${nurse.id}&from=${today()}&to=${today()}&action=VIEW`);
    expect(ok.status).toBe(200);
    expect((await ok.json()).items.map((e: { action: string }) => e.action)).toEqual(["VIEW"]);
    for (const bad of ["from=2026-13-40", "to=yesterday", "action=NOPE", `from=${today()}&to=${shift(-1)}`]) {
      const res = await get(bad);
      expect(res.status, bad).toBe(400);
      expect((await res.json()).error.code, bad).toBe("VALIDATION_FAILED");
    }
  });

  it("the user picker finds patient accounts as well as staff, by name or email (admins only)", async () => {
    // Bug: the picker searched the staff list, so a patient's own actions could not be filtered by name.
    const p = await seedUser(db(), {
      email: "kofi.mensah@mail.example",
      name: "Kofi Mensah",
      role: "PATIENT",
      password: "pw-0123456789",
    });
    const get = (qs: string) =>
      actorsRoute(new NextRequest(`http://localhost/api/v1/audit/actors?${qs}`), { params: Promise.resolve({}) });
    session.actor = admin;
    const found = async (q: string) =>
      ((await (await get(`q=${encodeURIComponent(q)}`)).json()).items as { id: string; role: string }[]).map((u) => [
        u.id,
        u.role,
      ]);
    expect(await found("mensah")).toEqual([[p.id, "PATIENT"]]);
    expect(await found("KOFI.MENSAH@")).toEqual([[p.id, "PATIENT"]]);
    expect(await found("nina")).toEqual([[nurse.id, "NURSE"]]);
    expect((await (await get("")).json()).total).toBe(3);
    session.actor = nurse;
    expect((await get("q=mensah")).status).toBe(403);
  });
});
