import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedPatient, seedUser } from "@/prisma/builders";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";

// POST /api/v1/patients/{id}/merge (?preview=1) and /merge/undo through the real door (apiRoute →
// authorize → the permission table), the signed-in actor faked.
const session = vi.hoisted(() => ({ actor: null as null | { id: string; role: Role; name: string; email: string } }));
vi.mock("@/lib/server/session", () => ({ currentCtx: async () => ({ actor: session.actor, ip: null }) }));

const { POST: mergeRoute } = await import("@/app/api/v1/patients/[id]/merge/route");
const { POST: undoRoute } = await import("@/app/api/v1/patients/[id]/merge/undo/route");

const users: Partial<Record<Role, { id: string; role: Role; name: string; email: string }>> = {};
const as = (role: Role) => (session.actor = users[role]!);
const post = (route: typeof mergeRoute, id: string, body: unknown, query = "") =>
  route(
    new NextRequest(`http://localhost/api/v1/patients/${id}/merge${query}`, {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
    { params: Promise.resolve({ id }) },
  );

describe("the merge API", () => {
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

  it("previews, merges and undoes for the allowed roles; others get 403 and nothing is written", async () => {
    const s = await seedPatient(db(), {
      firstName: "Ama",
      lastName: "Owusu",
      dateOfBirth: "1990-01-01",
      sex: "female",
    });
    const d = await seedPatient(db(), {
      firstName: "Ama",
      lastName: "Owuso",
      dateOfBirth: "1990-01-01",
      sex: "female",
    });
    await db().condition.create({ data: { patientId: d.id, text: "Asthma" } });

    for (const role of ["DOCTOR", "NURSE", "PHARMACIST", "PATIENT"] as Role[]) {
      as(role);
      expect((await post(mergeRoute, s.id, { duplicateId: d.id })).status, role).toBe(403);
    }
    as("RECORDS_OFFICER");
    expect((await post(mergeRoute, s.id, "{not json")).status).toBe(400);
    expect((await post(mergeRoute, s.id, { duplicateId: 12 })).status).toBe(400);
    expect((await post(mergeRoute, s.id, { duplicateId: "no-such" })).status).toBe(404);
    const preview = await post(mergeRoute, s.id, { duplicateId: d.id }, "?preview=1");
    expect(preview.status).toBe(200);
    const p = await preview.json();
    expect(p).toMatchObject({
      merged: false,
      plan: { survivor: { mrn: s.mrn }, duplicate: { mrn: d.mrn }, conflicts: [] },
    });
    expect(p.plan.moves.find((m: { kind: string }) => m.kind === "conditions")).toEqual({
      kind: "conditions",
      count: 1,
      alreadyOnSurvivor: 0,
    });
    expect(await db().patientMerge.count()).toBe(0);

    const merged = await post(mergeRoute, s.id, { duplicateId: d.id });
    expect(merged.status).toBe(200);
    const { mergeId } = await merged.json();
    expect(await db().condition.count({ where: { patientId: s.id } })).toBe(1);

    // Undo: admins only.
    expect((await post(undoRoute, s.id, { mergeId })).status).toBe(403);
    as("ADMIN");
    expect((await post(undoRoute, s.id, {})).status).toBe(400);
    const undone = await post(undoRoute, s.id, { mergeId });
    expect(undone.status).toBe(200);
    expect(await db().condition.count({ where: { patientId: d.id } })).toBe(1);
    expect((await post(undoRoute, s.id, { mergeId })).status).toBe(409);
  });

  it("answers 409 MERGE_CONFLICT with the conflicts listed", async () => {
    const s = await seedPatient(db(), {
      firstName: "Ama",
      lastName: "Owusu",
      dateOfBirth: "1990-01-01",
      sex: "female",
    });
    const d = await seedPatient(db(), {
      firstName: "Ama",
      lastName: "Owuso",
      dateOfBirth: "1990-01-01",
      sex: "female",
    });
    for (const p of [s, d])
      await db().admission.create({
        data: { patientId: p.id, attendingDoctorId: users.DOCTOR!.id, admittedById: users.NURSE!.id, reason: "x" },
      });
    as("ADMIN");
    const res = await post(mergeRoute, s.id, { duplicateId: d.id });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.code).toBe("MERGE_CONFLICT");
    expect(body.error.details.conflicts).toHaveLength(1);
    expect(body.error.details.conflicts[0].kind).toBe("admission");
  });
});
