import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedPatient, seedUser } from "@/prisma/builders";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";
import { ensureDrugCatalogue } from "./catalogue";

// The API routes through their real door (apiRoute → authorize), with the signed-in actor faked.
const session = vi.hoisted(() => ({ actor: null as null | { id: string; role: Role; name: string; email: string } }));
vi.mock("@/lib/server/session", () => ({ currentCtx: async () => ({ actor: session.actor, ip: null }) }));

const { POST: dispenseRoute } = await import("@/app/api/v1/prescriptions/[id]/dispense/route");
const { POST: acknowledgeRoute } = await import("@/app/api/v1/prescriptions/[id]/override-acknowledgement/route");
const { GET: prescriptionRoute } = await import("@/app/api/v1/prescriptions/[id]/route");
const { GET: listDrugsRoute, POST: createDrugRoute } = await import("@/app/api/v1/drugs/route");
const { GET: stockRoute, POST: stockChangeRoute } = await import("@/app/api/v1/drugs/[id]/stock/route");
const { GET: expiringRoute } = await import("@/app/api/v1/stock/expiring/route");

const users: Partial<Record<Role, { id: string; role: Role; name: string; email: string }>> = {};
const as = (role: Role | null) => {
  session.actor = role ? users[role]! : null;
};
const req = (url: string, init?: { method?: string; body?: unknown }) =>
  new NextRequest(`http://localhost${url}`, {
    method: init?.method ?? "GET",
    headers: { "content-type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

let amox: string;

async function prescription(quantity: number, overrideReason?: string) {
  const patient = await seedPatient(db(), {
    firstName: "Ada",
    lastName: "Lovelace",
    dateOfBirth: "1980-01-01",
    sex: "female",
  });
  return db().prescription.create({
    data: {
      patientId: patient.id,
      prescriberId: users.DOCTOR!.id,
      token: `t-${Math.random()}`,
      expiresAt: new Date(Date.now() + 86_400_000),
      ...(overrideReason
        ? {
            overrideReason,
            findings: [
              {
                kind: "INTERACTION",
                severity: "high",
                drugs: ["amoxicillin", "warfarin"],
                message: "Warfarin with an NSAID or aspirin: additive bleeding risk.",
                key: "interaction",
                params: { rule: "warfarin-nsaid" },
              },
            ],
          }
        : {}),
      items: { create: [{ drugId: amox, dose: "500 mg", route: "oral", frequency: "tds", durationDays: 7, quantity }] },
    },
  });
}

describe("pharmacy API", () => {
  beforeEach(async () => {
    await resetDatabase();
    await ensureDrugCatalogue(db());
    for (const role of ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST", "RECORDS_OFFICER", "PATIENT"] as Role[]) {
      const u = await seedUser(db(), {
        email: `${role.toLowerCase()}@h.org`,
        name: role,
        role,
        password: "pw-0123456789",
      });
      users[role] = { id: u.id, role, name: u.name, email: u.email };
    }
    amox = (await db().drug.findFirstOrThrow({ where: { genericName: "amoxicillin", form: "capsule" } })).id;
    await db().stockBatch.create({
      data: { drugId: amox, lot: "L1", expiresOn: new Date(Date.now() + 90 * 86_400_000), quantity: 150 },
    });
  });

  it("only a pharmacist dispenses: 403 for every other role, 401 anonymous, nothing written", async () => {
    const rx = await prescription(21);
    for (const role of ["ADMIN", "DOCTOR", "NURSE", "RECORDS_OFFICER", "PATIENT"] as Role[]) {
      as(role);
      const res = await dispenseRoute(
        req(`/api/v1/prescriptions/${rx.id}/dispense`, { method: "POST", body: {} }),
        params({ id: rx.id }),
      );
      expect(res.status, role).toBe(403);
      expect((await res.json()).error.code).toBe("FORBIDDEN");
    }
    as(null);
    expect(
      (await dispenseRoute(req(`/api/v1/prescriptions/${rx.id}/dispense`, { method: "POST" }), params({ id: rx.id })))
        .status,
    ).toBe(401);
    expect(await db().dispense.count()).toBe(0);

    as("PHARMACIST");
    const res = await dispenseRoute(
      req(`/api/v1/prescriptions/${rx.id}/dispense`, { method: "POST" }),
      params({ id: rx.id }),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ prescriptionId: rx.id, status: "DISPENSED", lines: [{ quantity: 21 }] });
    const again = await dispenseRoute(
      req(`/api/v1/prescriptions/${rx.id}/dispense`, { method: "POST" }),
      params({ id: rx.id }),
    );
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("INVALID_TRANSITION");
  });

  it("an overridden prescription: dispense answers 409 OVERRIDE_NOT_ACKNOWLEDGED until a pharmacist POSTs the acknowledgement (others 403)", async () => {
    const rx = await prescription(21, "Benefit outweighs the risk");
    const url = `/api/v1/prescriptions/${rx.id}`;
    as("PHARMACIST");
    const refused = await dispenseRoute(req(`${url}/dispense`, { method: "POST" }), params({ id: rx.id }));
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatchObject({
      code: "OVERRIDE_NOT_ACKNOWLEDGED",
      message: expect.stringContaining("acknowledge"),
    });
    for (const role of ["ADMIN", "DOCTOR", "NURSE", "RECORDS_OFFICER", "PATIENT"] as Role[]) {
      as(role);
      const res = await acknowledgeRoute(
        req(`${url}/override-acknowledgement`, { method: "POST" }),
        params({ id: rx.id }),
      );
      expect(res.status, role).toBe(403);
    }
    expect(await db().auditEvent.count({ where: { entityId: rx.id, action: "UPDATE" } })).toBe(0);
    as("PHARMACIST");
    const ack = await acknowledgeRoute(
      req(`${url}/override-acknowledgement`, { method: "POST" }),
      params({ id: rx.id }),
    );
    expect(ack.status).toBe(201);
    expect(await ack.json()).toMatchObject({
      prescriptionId: rx.id,
      acknowledgedBy: users.PHARMACIST!.id,
      acknowledgedAt: expect.any(String),
    });
    expect(
      (await acknowledgeRoute(req(`${url}/override-acknowledgement`, { method: "POST" }), params({ id: rx.id })))
        .status,
    ).toBe(200);
    expect(
      await db().auditEvent.count({ where: { entityId: rx.id, action: "UPDATE", actorId: users.PHARMACIST!.id } }),
    ).toBe(1);
    const detail = await (await prescriptionRoute(req(url), params({ id: rx.id }))).json();
    expect(detail).toMatchObject({
      overrideReason: "Benefit outweighs the risk",
      overrideAcknowledgement: { by: { id: users.PHARMACIST!.id } },
      findings: [
        { kind: "INTERACTION", key: "interaction", message: expect.stringContaining("Warfarin with an NSAID") },
      ],
    });
    const ok = await dispenseRoute(req(`${url}/dispense`, { method: "POST" }), params({ id: rx.id }));
    expect(ok.status).toBe(201);
    const plain = await prescription(5);
    const none = await acknowledgeRoute(
      req(`/api/v1/prescriptions/${plain.id}/override-acknowledgement`, { method: "POST" }),
      params({ id: plain.id }),
    );
    expect(none.status).toBe(409);
    expect((await none.json()).error.code).toBe("INVALID_TRANSITION");
  });

  it("answers OUT_OF_STOCK with 409 and bad input with 400 field messages", async () => {
    as("PHARMACIST");
    const big = await prescription(500);
    const res = await dispenseRoute(
      req(`/api/v1/prescriptions/${big.id}/dispense`, { method: "POST" }),
      params({ id: big.id }),
    );
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({
      code: "OUT_OF_STOCK",
      message: expect.stringContaining("amoxicillin 500 mg capsule"),
    });
    const bad = await dispenseRoute(
      req(`/api/v1/prescriptions/${big.id}/dispense`, {
        method: "POST",
        body: { items: [{ itemId: "x", quantity: -1 }] },
      }),
      params({ id: big.id }),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toHaveProperty("items.0.quantity");
  });

  it("lists low stock and expiring batches; receives and adjusts stock (pharmacy.stock only)", async () => {
    as("DOCTOR");
    const low = await listDrugsRoute(req("/api/v1/drugs?lowStock=true&pageSize=100"), params({}));
    expect(low.status).toBe(200);
    const lowBody = await low.json();
    expect(lowBody.items.every((d: { lowStock: boolean }) => d.lowStock)).toBe(true);
    expect(lowBody.items.some((d: { id: string }) => d.id === amox)).toBe(false);
    expect((await expiringRoute(req("/api/v1/stock/expiring"), params({}))).status).toBe(403);
    expect(
      (
        await stockChangeRoute(
          req(`/api/v1/drugs/${amox}/stock`, {
            method: "POST",
            body: { lot: "X", expiresOn: "2099-01-01", quantity: 5 },
          }),
          params({ id: amox }),
        )
      ).status,
    ).toBe(403);
    expect((await createDrugRoute(req("/api/v1/drugs", { method: "POST", body: {} }), params({}))).status).toBe(403);

    as("PHARMACIST");
    const exp = await (await expiringRoute(req("/api/v1/stock/expiring?days=100"), params({}))).json();
    expect(exp).toMatchObject({ total: 1, items: [{ lot: "L1", quantity: 150, expired: false }] });
    expect((await expiringRoute(req("/api/v1/stock/expiring?days=-1"), params({}))).status).toBe(400);
    const received = await stockChangeRoute(
      req(`/api/v1/drugs/${amox}/stock`, { method: "POST", body: { lot: "L2", expiresOn: "2099-01-01", quantity: 5 } }),
      params({ id: amox }),
    );
    expect(received.status).toBe(201);
    const batch = await received.json();
    const below = await stockChangeRoute(
      req(`/api/v1/drugs/${amox}/stock`, {
        method: "POST",
        body: { batchId: batch.id, delta: -6, reason: "Count correction" },
      }),
      params({ id: amox }),
    );
    expect(below.status).toBe(400);
    expect((await below.json()).error.fields.delta).toContain("below zero");
    const ok = await stockChangeRoute(
      req(`/api/v1/drugs/${amox}/stock`, {
        method: "POST",
        body: { batchId: batch.id, delta: -5, reason: "Count correction" },
      }),
      params({ id: amox }),
    );
    expect(ok.status).toBe(200);
    const stock = await (await stockRoute(req(`/api/v1/drugs/${amox}/stock`), params({ id: amox }))).json();
    expect(stock).toMatchObject({ drugId: amox, onHand: 150, batches: [{ lot: "L1" }, { lot: "L2", quantity: 0 }] });
    const missing = await stockRoute(req("/api/v1/drugs/nope/stock"), params({ id: "nope" }));
    expect(missing.status).toBe(404);
  });
});
