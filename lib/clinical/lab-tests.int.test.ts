import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedUser } from "@/prisma/builders";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";

// PATCH /api/v1/lab-tests/{id} through its real door (apiRoute → authorize), with the signed-in actor faked.
const session = vi.hoisted(() => ({ actor: null as null | { id: string; role: Role; name: string; email: string } }));
vi.mock("@/lib/server/session", () => ({ currentCtx: async () => ({ actor: session.actor, ip: null }) }));

const { PATCH } = await import("@/app/api/v1/lab-tests/[id]/route");

const users: Partial<Record<Role, { id: string; role: Role; name: string; email: string }>> = {};
const patch = (role: Role, id: string, body: unknown) => {
  session.actor = users[role]!;
  return PATCH(
    new NextRequest(`http://localhost/api/v1/lab-tests/${id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );
};

describe("PATCH /api/v1/lab-tests/{id}", () => {
  let hgb: string;
  beforeEach(async () => {
    await resetDatabase();
    for (const role of ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST", "RECORDS_OFFICER", "PATIENT"] as Role[]) {
      const u = await seedUser(db(), {
        email: `${role.toLowerCase()}@h.org`,
        name: `${role} user`,
        role,
        password: "pw-0123456789",
      });
      users[role] = { id: u.id, role, name: u.name, email: u.email };
    }
    hgb = (
      await db().labTest.create({
        data: {
          code: "HGB",
          loinc: "718-7",
          name: "Haemoglobin",
          specimen: "Blood",
          unit: "g/dL",
          refLow: 12,
          refHigh: 17.5,
          price: 1500,
        },
      })
    ).id;
  });

  it("lets an admin change the price, audited as an UPDATE with from → to", async () => {
    const res = await patch("ADMIN", hgb, { price: 2500 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: hgb, code: "HGB", price: 2500, unit: "g/dL" });
    expect((await db().labTest.findUniqueOrThrow({ where: { id: hgb } })).price).toBe(2500);
    const events = await db().auditEvent.findMany({
      where: { entity: "LabTest", entityId: hgb },
      select: { action: true, actorId: true, details: true },
    });
    expect(events).toEqual([
      { action: "UPDATE", actorId: users.ADMIN!.id, details: { changes: { price: { from: 1500, to: 2500 } } } },
    ]);
    // The same values again change nothing and write nothing.
    expect((await patch("ADMIN", hgb, { price: 2500 })).status).toBe(200);
    expect(await db().auditEvent.count({ where: { entity: "LabTest" } })).toBe(1);
  });

  it("edits name, unit and range; null clears; the code stays", async () => {
    const res = await patch("ADMIN", hgb, {
      name: "Hemoglobin",
      unit: "g/L",
      refLow: 120,
      refHigh: 175,
      price: null,
      code: "XXX",
    });
    expect(res.status).toBe(200);
    expect(
      await db().labTest.findUniqueOrThrow({
        where: { id: hgb },
        select: { code: true, name: true, unit: true, refLow: true, refHigh: true, price: true },
      }),
    ).toEqual({ code: "HGB", name: "Hemoglobin", unit: "g/L", refLow: 120, refHigh: 175, price: null });
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const res = await patch("ADMIN", hgb, { name: " ", price: -5, refLow: "abc" });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { name: "Required", price: "Enter a price of zero or more", refLow: "Enter a number" },
    });
    // A range end that crosses the stored other end.
    const crossed = await patch("ADMIN", hgb, { refLow: 20 });
    expect(crossed.status).toBe(400);
    expect((await crossed.json()).error.fields).toEqual({
      refHigh: "The low end of the range must not be above the high end",
    });
    expect(
      await db().labTest.findUniqueOrThrow({ where: { id: hgb }, select: { name: true, price: true, refLow: true } }),
    ).toEqual({ name: "Haemoglobin", price: 1500, refLow: 12 });
    expect(await db().auditEvent.count({ where: { entity: "LabTest" } })).toBe(0);
    expect((await patch("ADMIN", "no-such-test", { price: 1 })).status).toBe(404);
  });

  it("is for admins only", async () => {
    for (const role of ["DOCTOR", "NURSE", "PHARMACIST", "RECORDS_OFFICER", "PATIENT"] as Role[])
      expect((await patch(role, hgb, { price: 1 })).status, role).toBe(403);
    expect((await db().labTest.findUniqueOrThrow({ where: { id: hgb } })).price).toBe(1500);
  });
});
