import { writeFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { OPERATIONS } from "@/lib/api/operations";
import type { Operation } from "@/lib/server/contract";
import { db } from "@/lib/server/db";
import { PERMISSIONS } from "@/lib/server/permissions";
import { seedDemo } from "@/prisma/seed";
import { beat } from "@/lib/system/heartbeat";
import { createToken } from "@/lib/tokens/service";
import { resetDatabase } from "@/tests/reset";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { completeRegistration } from "@/lib/accounts/registration";
import { issueLink } from "@/lib/accounts/password-tokens";
import { linkToken } from "@/lib/notifications/links";
import type { RegistrationJob } from "@/lib/accounts/registration-schemas";

// Issue 18: every GET operation of /api/v1 answers what its contract documents. On the seeded demo
// hospital, each GET whose path params can be resolved from the seeded rows is called through its real
// route (apiRoute → authorize → handler, the signed-in actor faked with a role the permission allows),
// and its live JSON answer is validated against the operation's response schema: no mismatch allowed.

type Actor = { id: string; role: Role; name: string; email: string };
const session = vi.hoisted(() => ({ actor: null as null | Actor }));
vi.mock("@/lib/server/session", () => ({ currentCtx: async () => ({ actor: session.actor, ip: null }) }));
// No Next request scope here: the language of CSV headers and messages is English.
vi.mock("@/lib/server/locale", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  requestLocale: async () => "en",
}));

// The queue, captured: POST /auth/register and POST /exports enqueue; this test runs the registration
// job's half itself (no worker here).
const queued = vi.hoisted(() => ({ jobs: [] as { name: string; payload: unknown }[] }));
vi.mock("@/lib/jobs/queue", () => ({
  queue: async () => ({}),
  enqueue: async (_boss: unknown, name: string, payload: unknown) => {
    queued.jobs.push({ name, payload });
    return "job";
  },
}));

const API_DIR = path.resolve(import.meta.dirname, "../../app/api/v1");

/** The first row's id of a table, or null. */
const first = async (sql: string): Promise<string | null> =>
  (await db().$queryRawUnsafe<{ id: string }[]>(sql))[0]?.id ?? null;

/** How each path param of a GET is found in the seeded data (null: not seeded, the op is skipped). */
const RESOLVERS: Record<string, () => Promise<Record<string, string> | null>> = {
  "/admissions/{id}": async () => idOf(await first(`SELECT id FROM "Admission" ORDER BY id LIMIT 1`)),
  "/appointments/{id}": async () => idOf(await first(`SELECT id FROM "Appointment" ORDER BY id LIMIT 1`)),
  "/admin/data/{entity}": async () => ({ entity: "patients" }),
  "/admin/data/{entity}/{id}": async () => {
    const id = await first(`SELECT id FROM "Patient" ORDER BY id LIMIT 1`);
    return id ? { entity: "patients", id } : null;
  },
  "/consultations/{id}": async () => idOf(await first(`SELECT id FROM "Consultation" ORDER BY id LIMIT 1`)),
  "/departments/{id}": async () => idOf(await first(`SELECT id FROM "Department" ORDER BY id LIMIT 1`)),
  "/doctors/{id}/availability": async () =>
    idOf(await first(`SELECT id FROM "User" WHERE role = 'DOCTOR' ORDER BY id LIMIT 1`)),
  "/doctors/{id}/slots": async () =>
    idOf(await first(`SELECT id FROM "User" WHERE role = 'DOCTOR' ORDER BY id LIMIT 1`)),
  "/drugs/{id}": async () => idOf(await first(`SELECT id FROM "Drug" ORDER BY id LIMIT 1`)),
  "/drugs/{id}/stock": async () => idOf(await first(`SELECT id FROM "Drug" ORDER BY id LIMIT 1`)),
  "/exports/{id}": async () => idOf(await first(`SELECT id FROM "Export" LIMIT 1`)),
  "/invoices/{id}": async () => idOf(await first(`SELECT id FROM "Invoice" ORDER BY id LIMIT 1`)),
  "/lab-orders/{id}/results": async () => idOf(await first(`SELECT id FROM "LabOrder" ORDER BY id LIMIT 1`)),
  "/patients/{id}": async () =>
    idOf(await first(`SELECT id FROM "Patient" WHERE "mergedIntoId" IS NULL ORDER BY id LIMIT 1`)),
  "/patients/{id}/documents": async () =>
    idOf(await first(`SELECT id FROM "Patient" WHERE "mergedIntoId" IS NULL ORDER BY id LIMIT 1`)),
  "/patients/{id}/history": async () =>
    idOf(await first(`SELECT id FROM "Patient" WHERE "mergedIntoId" IS NULL ORDER BY id LIMIT 1`)),
  "/patients/{id}/nurse-notes": async () => idOf(await first(`SELECT "patientId" AS id FROM "NurseNote" LIMIT 1`)),
  "/patients/{id}/vitals": async () => idOf(await first(`SELECT "patientId" AS id FROM "VitalSign" LIMIT 1`)),
  "/prescriptions/{id}": async () => idOf(await first(`SELECT id FROM "Prescription" ORDER BY id LIMIT 1`)),
  "/reports/{name}": async () => ({ name: "appointments" }),
  "/staff/{id}": async () => idOf(await first(`SELECT id FROM "User" WHERE role <> 'PATIENT' ORDER BY id LIMIT 1`)),
};
const idOf = (id: string | null) => (id ? { id } : null);

/** Query strings some GETs need (required parameters, or a report's period). */
const QUERIES: Record<string, string> = {
  "/public-health/aggregates": "period=2025&groupBy=sex",
  "/reports/occupancy": "from=2025-01-01&to=2025-12-31",
  "/reports/revenue": "from=2025-01-01&to=2025-12-31",
  "/reports/{name}": "from=2025-01-01&to=2025-12-31",
  "/icd10": "q=diabetes",
};

/** The answer is JSON (not a PDF, CSV or image). */
const answersJson = (op: Operation) => !op.produces || op.produces.includes("application/json");

async function actorFor(op: Operation): Promise<Actor> {
  const roles: readonly Role[] = op.permission ? PERMISSIONS[op.permission].roles : ["ADMIN"];
  const role = (roles.includes("ADMIN") ? "ADMIN" : roles[0]) as Role;
  const email = role === "DOCTOR" ? "doctor@demo.hospital" : undefined;
  const u = await db().user.findFirstOrThrow({
    where: { role, ...(email ? { email } : {}) },
    orderBy: { email: "asc" },
    select: { id: true, name: true, email: true, role: true },
  });
  return { id: u.id, name: u.name, email: u.email, role: u.role };
}

async function call(op: Operation, params: Record<string, string>): Promise<Response> {
  const file = path.join(API_DIR, op.path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
  const mod = (await import(/* @vite-ignore */ file)) as Record<
    string,
    (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>
  >;
  const url = `http://localhost/api/v1${op.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k]))}${QUERIES[op.path] ? `?${QUERIES[op.path]}` : ""}`;
  return mod[op.method](new NextRequest(url), { params: Promise.resolve(params) });
}

// One seeded hospital for the whole file (the GETs, then the writes: either may run alone with -t).
beforeAll(async () => {
  await resetDatabase();
  await seedDemo(db());
  await beat(db(), new Date()); // a job worker seen: /health/ready answers 200
  // An integration token, so that the token list has an item to check.
  const admin = await db().user.findFirstOrThrow({
    where: { role: "ADMIN" },
    select: { id: true, name: true, email: true, role: true },
  });
  await createToken(db(), { actor: admin, ip: null }, { name: "Contract check", scopes: ["full"] });
}, 120_000);

describe("every GET answers its documented response schema on the seeded demo hospital", () => {
  const gets = OPERATIONS.filter((op) => op.method === "GET" && answersJson(op));

  it("every JSON GET has a response schema", () => {
    expect(gets.filter((op) => !op.response && !op.responseRef).map((op) => op.path)).toEqual([]);
  });

  it("calls each one and validates the live answer", async () => {
    const checked: string[] = [];
    const skipped: string[] = [];
    const mismatches: string[] = [];
    const samples: Record<string, unknown> = {};
    for (const op of gets) {
      const needsParams = op.path.includes("{");
      const params = needsParams ? await RESOLVERS[op.path]?.() : {};
      if (!params) {
        skipped.push(op.path);
        continue;
      }
      session.actor = await actorFor(op);
      const res = await call(op, params);
      const body: unknown = await res.json();
      samples[op.path] = body;
      if (res.status !== (op.status ?? 200)) {
        mismatches.push(`${op.path}: status ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
        continue;
      }
      checked.push(op.path);
      if (!op.response) continue;
      const result = op.response.safeParse(body);
      if (!result.success)
        mismatches.push(
          `${op.path}: ${result.error.issues
            .slice(0, 4)
            .map((i) => `${i.path.join(".")}: ${i.message}`)
            .join("; ")}`,
        );
    }
    if (process.env.CONTRACT_SAMPLES) writeFileSync(process.env.CONTRACT_SAMPLES, JSON.stringify(samples, null, 1));
    expect(mismatches).toEqual([]);
    // The seeded hospital resolves nearly all of them (exports are made on request only).
    expect(skipped.length, `skipped: ${skipped.join(", ")}`).toBeLessThanOrEqual(3);
    expect(checked.length).toBeGreaterThan(40);
  }, 300_000);

  it("a write answering the record it changed answers the same documented shape (PATCH /patients/{id})", async () => {
    const op = OPERATIONS.find((o) => o.operationId === "patchPatientsById")!;
    const id = (await RESOLVERS["/patients/{id}"]())!.id;
    session.actor = await actorFor(op);
    const file = path.join(API_DIR, "patients/[id]/route.ts");
    const mod = (await import(/* @vite-ignore */ file)) as {
      PATCH: (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
    };
    const res = await mod.PATCH(
      new NextRequest(`http://localhost/api/v1/patients/${id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ address: "12 Harbour Road" }),
      }),
      { params: Promise.resolve({ id }) },
    );
    expect(res.status).toBe(200);
    const result = op.response!.safeParse(await res.json());
    expect(result.success, result.error?.message).toBe(true);
  });
});

// Issue 18, the writes: each write operation of /api/v1 is performed once on the seeded hospital
// (after the GETs above, in an order where each finds what it needs: a ward before its room, an order
// before its result), through its real route as a role its permission allows, and its live answer is
// validated against the operation's documented response schema and status. An operation left out must
// be named in NOT_PERFORMED with the reason; a 204 answers no body.

type Step = {
  op: string;
  /** The actor's email (default: as for the GETs, a role the permission allows). */
  as?: string;
  params?: () => Record<string, string>;
  body?: () => unknown;
  query?: string;
  /** The success status expected when it is one of the op's other statuses (e.g. 200 beside 201). */
  status?: number;
  keep?: (answer: Record<string, unknown>) => void;
};

/** Write operations this test does not perform, and why. */
const NOT_PERFORMED: Record<string, string> = {
  postPatientsByIdDocuments:
    "multipart upload, documented by the Document component (responseRef), not a zod schema: lib/documents tests",
};

async function actorByEmail(email: string): Promise<Actor> {
  const u = await db().user.findUniqueOrThrow({
    where: { email },
    select: { id: true, name: true, email: true, role: true },
  });
  return { id: u.id, name: u.name, email: u.email, role: u.role };
}

/** The route module of an operation. */
async function mod(op: Operation) {
  const file = path.join(API_DIR, op.path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
  return (await import(/* @vite-ignore */ file)) as Record<
    string,
    (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>
  >;
}

async function perform(op: Operation, params: Record<string, string>, body: unknown, query?: string) {
  const url = `http://localhost/api/v1${op.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k]))}${query ? `?${query}` : ""}`;
  return (await mod(op))[op.method](
    new NextRequest(url, {
      method: op.method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
}

describe("every write answers its documented response schema on the seeded demo hospital", () => {
  const s: Record<string, string> = {};
  const STRONG = "lantern-orbit-staple-42";
  const today = new Date();
  const futureDay = `${today.getUTCFullYear() + 3}-06-30`;

  beforeAll(async () => {
    // Ids the steps start from: seeded rows.
    const doctor = await db().user.findUniqueOrThrow({ where: { email: "doctor@demo.hospital" } });
    s.doctorId = doctor.id;
    s.labTestId = (await first(
      `SELECT id FROM "LabTest" WHERE active AND "refHigh" IS NOT NULL AND "refLow" IS NOT NULL ORDER BY code LIMIT 1`,
    ))!;
    const [t] = await db().$queryRawUnsafe<{ refLow: number; refHigh: number }[]>(
      `SELECT "refLow", "refHigh" FROM "LabTest" WHERE id = $1`,
      s.labTestId,
    );
    s.labValue = String((t.refLow + t.refHigh) / 2);
    s.overrideRxId = (await first(`SELECT id FROM "Prescription" WHERE "overrideReason" IS NOT NULL LIMIT 1`))!;
    const beds = await db().$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM "Bed" WHERE state = 'FREE' AND active ORDER BY id LIMIT 2`,
    );
    [s.freeBed, s.otherFreeBed] = beds.map((b) => b.id);
    s.departmentOfDoctor =
      (await first(`SELECT "departmentId" AS id FROM "StaffProfile" WHERE "userId" = '${doctor.id}'`)) ?? "";
  });

  const STEPS: Step[] = [
    { op: "postAuthToken", body: () => ({ email: "admin@demo.hospital", password: DEMO_PASSWORD }) },
    { op: "patchAccount", body: () => ({ language: "en" }) },
    {
      op: "putAccountPassword",
      as: "records@demo.hospital",
      body: () => ({ currentPassword: DEMO_PASSWORD, newPassword: STRONG, confirmPassword: STRONG }),
    },
    // A patient, and a near-duplicate of them (registered anyway: the pair goes to the worklist).
    {
      op: "postPatients",
      body: () => ({
        firstName: "Wren",
        lastName: "Contract",
        dateOfBirth: "1984-03-09",
        sex: "female",
        phone: "+15550101",
      }),
      keep: (a) => {
        s.patientId = a.id as string;
      },
    },
    {
      op: "postPatients",
      body: () => ({
        firstName: "Wren",
        lastName: "Contract",
        dateOfBirth: "1984-03-09",
        sex: "female",
        phone: "+15550102",
        confirmDuplicate: true,
      }),
      keep: (a) => {
        s.duplicateId = a.id as string;
      },
    },
    { op: "patchPatientsById", params: () => ({ id: s.patientId }), body: () => ({ address: "1 Quay Street" }) },
    // A self-registration matching that patient: a link request for the records officers.
    {
      op: "postAuthRegister",
      body: () => ({
        email: "wren.contract@example.org",
        password: STRONG,
        firstName: "Wren",
        lastName: "Contract",
        dateOfBirth: "1984-03-09",
        sex: "female",
        phone: "+15550101",
      }),
    },
  ];

  const STEPS_AFTER_REGISTRATION: Step[] = [
    { op: "postAccountConfirmationEmail", as: "wren.contract@example.org" },
    { op: "postAuthConfirmEmail", body: () => ({ token: s.confirmToken }) },
    {
      op: "postPatientsLinkRequestsByIdResolve",
      params: () => ({ id: s.linkRequestId }),
      body: () => ({ action: "new" }),
    },
    { op: "postPatientsDuplicatesByPairIdDismiss", params: () => ({ pairId: s.pairId }) },
    {
      op: "postPatientsByIdMerge",
      params: () => ({ id: s.patientId }),
      body: () => ({ duplicateId: s.duplicateId }),
      query: "preview=1",
    },
    {
      op: "postPatientsByIdMerge",
      params: () => ({ id: s.patientId }),
      body: () => ({ duplicateId: s.duplicateId }),
      keep: (a) => {
        s.mergeId = a.mergeId as string;
      },
    },
    { op: "postPatientsByIdMergeUndo", params: () => ({ id: s.patientId }), body: () => ({ mergeId: s.mergeId }) },
    { op: "deletePatientsById", params: () => ({ id: s.duplicateId }), body: () => ({ reason: "Registered twice" }) },
    // Departments, wards, rooms, beds.
    {
      op: "postDepartments",
      body: () => ({ name: "Contract Medicine" }),
      keep: (a) => {
        s.departmentId = a.id as string;
      },
    },
    {
      op: "patchDepartmentsById",
      params: () => ({ id: s.departmentId }),
      body: () => ({ description: "Checked by the contract test" }),
    },
    {
      op: "postWards",
      body: () => ({ name: "Contract Ward", type: "GENERAL", departmentId: s.departmentId }),
      keep: (a) => {
        s.wardId = a.id as string;
      },
    },
    { op: "patchWardsById", params: () => ({ id: s.wardId }), body: () => ({ name: "Contract Ward East" }) },
    {
      op: "postRooms",
      body: () => ({ wardId: s.wardId, name: "C-1", type: "SINGLE", capacity: 1 }),
      keep: (a) => {
        s.roomId = a.id as string;
      },
    },
    { op: "patchRoomsById", params: () => ({ id: s.roomId }), body: () => ({ capacity: 2 }) },
    {
      op: "postBeds",
      body: () => ({ roomId: s.roomId, label: "C-1A" }),
      keep: (a) => {
        s.bedId = a.id as string;
      },
    },
    { op: "patchBedsById", params: () => ({ id: s.bedId }), body: () => ({ state: "OUT_OF_SERVICE" }) },
    // Staff.
    {
      op: "postStaff",
      body: () => ({ name: "Carla Contract", role: "NURSE", email: "carla.contract@example.org", password: STRONG }),
      keep: (a) => {
        s.staffId = a.id as string;
      },
    },
    { op: "patchStaffById", params: () => ({ id: s.staffId }), body: () => ({ qualification: "RN" }) },
    { op: "deleteStaffById", params: () => ({ id: s.staffId }), body: () => ({ reason: "Left the hospital" }) },
    // Tokens, triage, reports, notifications, exports.
    {
      op: "postTokens",
      body: () => ({ name: "Write check", scopes: ["full"] }),
      keep: (a) => {
        s.tokenId = (a.token as { id: string }).id;
      },
    },
    { op: "deleteTokensById", params: () => ({ id: s.tokenId }) },
    { op: "postTriage", body: () => ({ problem: "Crushing chest pain radiating to the left arm since this morning" }) },
    { op: "postReportsBuilder", body: () => ({ entity: "patients" }) },
    { op: "patchNotifications", as: "doctor@demo.hospital", body: () => ({ all: true }) },
    { op: "postExports", body: () => ({ kind: "treatment-history", patientId: s.patientId }) },
    // The chart: vitals, nurse notes, NEWS2 flags.
    {
      op: "putPatientsByIdNews2Flags",
      as: "doctor@demo.hospital",
      params: () => ({ id: s.patientId }),
      body: () => ({ spo2Scale2: false }),
    },
    {
      op: "postPatientsByIdVitals",
      as: "nurse@demo.hospital",
      params: () => ({ id: s.patientId }),
      body: () => ({ pulse: 82, systolic: 124, diastolic: 78 }),
      keep: (a) => {
        s.vitalId = a.id as string;
      },
    },
    {
      op: "patchPatientsByIdVitalsByVitalId",
      as: "nurse@demo.hospital",
      params: () => ({ id: s.patientId, vitalId: s.vitalId }),
      body: () => ({ pulse: 84, systolic: 124, diastolic: 78 }),
    },
    {
      op: "postPatientsByIdVitalsByVitalIdAddenda",
      as: "nurse@demo.hospital",
      params: () => ({ id: s.patientId, vitalId: s.vitalId }),
      body: () => ({ text: "Taken after a short walk." }),
    },
    {
      op: "postPatientsByIdNurseNotes",
      as: "nurse@demo.hospital",
      params: () => ({ id: s.patientId }),
      body: () => ({ shift: "DAY", category: "CARE", text: "Comfortable, eating well." }),
      keep: (a) => {
        s.noteId = a.id as string;
      },
    },
    {
      op: "patchPatientsByIdNurseNotesByNoteId",
      as: "nurse@demo.hospital",
      params: () => ({ id: s.patientId, noteId: s.noteId }),
      body: () => ({ shift: "DAY", category: "CARE", text: "Comfortable, eating and drinking well." }),
    },
    {
      op: "postPatientsByIdNurseNotesByNoteIdAddenda",
      as: "nurse@demo.hospital",
      params: () => ({ id: s.patientId, noteId: s.noteId }),
      body: () => ({ text: "Family visited in the afternoon." }),
    },
    // A consultation, signed, with an addendum.
    {
      op: "postConsultations",
      as: "doctor@demo.hospital",
      body: () => ({ patientId: s.patientId, assessment: "Well", diagnoses: [] }),
      keep: (a) => {
        s.consultationId = a.id as string;
      },
    },
    {
      op: "patchConsultationsById",
      as: "doctor@demo.hospital",
      params: () => ({ id: s.consultationId }),
      body: () => ({ assessment: "Well, reviewed", diagnoses: [] }),
    },
    { op: "postConsultationsByIdSign", as: "doctor@demo.hospital", params: () => ({ id: s.consultationId }) },
    {
      op: "postConsultationsByIdAddenda",
      as: "doctor@demo.hospital",
      params: () => ({ id: s.consultationId }),
      body: () => ({ text: "Seen again at the nurse's request: no change." }),
    },
    // Lab: an order, its result, its review and a correction; the catalogue entry's price.
    {
      op: "postLabOrders",
      as: "doctor@demo.hospital",
      body: () => ({ patientId: s.patientId, testIds: [s.labTestId] }),
      keep: (a) => {
        s.labOrderId = (a.items as { id: string }[])[0].id;
      },
    },
    {
      op: "postLabOrdersByIdResults",
      as: "nurse@demo.hospital",
      params: () => ({ id: s.labOrderId }),
      body: () => ({ value: Number(s.labValue) }),
      keep: (a) => {
        s.labResultId = a.id as string;
      },
    },
    { op: "postLabResultsByIdReview", as: "doctor@demo.hospital", params: () => ({ id: s.labResultId }) },
    {
      op: "postLabResultsByIdAmendments",
      as: "nurse@demo.hospital",
      params: () => ({ id: s.labResultId }),
      body: () => ({ value: Number(s.labValue), reason: "Entered against the wrong sample number" }),
    },
    { op: "patchLabTestsById", params: () => ({ id: s.labTestId }), body: () => ({ price: 2500 }) },
    // Pharmacy: a drug, its stock (received: 201; adjusted: 200), prescriptions dispensed and revoked.
    {
      op: "postDrugs",
      body: () => ({
        genericName: "contractamol",
        form: "tablet",
        strength: "500 mg",
        drugClass: "analgesic-other",
        reorderLevel: 20,
      }),
      keep: (a) => {
        s.drugId = a.id as string;
      },
    },
    { op: "patchDrugsById", params: () => ({ id: s.drugId }), body: () => ({ reorderLevel: 5 }) },
    {
      op: "postDrugsByIdStock",
      params: () => ({ id: s.drugId }),
      body: () => ({ lot: "CT-1", expiresOn: futureDay, quantity: 100 }),
      keep: (a) => {
        s.batchId = a.id as string;
      },
    },
    {
      op: "postDrugsByIdStock",
      params: () => ({ id: s.drugId }),
      body: () => ({ batchId: s.batchId, delta: -1, reason: "Dropped and broken" }),
      status: 200,
    },
    ...(["rxToDispense", "rxToRevoke"] as const).map(
      (key): Step => ({
        op: "postPrescriptions",
        as: "doctor@demo.hospital",
        body: () => ({
          patientId: s.patientId,
          items: [
            {
              drugId: s.drugId,
              dose: "1 tablet",
              route: "oral",
              frequency: "once a day",
              durationDays: 5,
              quantity: 5,
            },
          ],
          // The second is the same drug again: a duplicate therapy, overridden with a reason.
          ...(key === "rxToRevoke" ? { overrideReason: "Second course, checked with the patient" } : {}),
        }),
        keep: (a) => {
          s[key] = a.id as string;
        },
      }),
    ),
    { op: "postPrescriptionsByIdDispense", params: () => ({ id: s.rxToDispense }), body: () => ({}) },
    {
      op: "postPrescriptionsByIdRevoke",
      as: "doctor@demo.hospital",
      params: () => ({ id: s.rxToRevoke }),
      body: () => ({ reason: "Changed to another treatment" }),
    },
    { op: "postPrescriptionsByIdOverrideAcknowledgement", params: () => ({ id: s.overrideRxId }) },
    // Asked again: the standing acknowledgement, 200.
    { op: "postPrescriptionsByIdOverrideAcknowledgement", params: () => ({ id: s.overrideRxId }), status: 200 },
    // Billing: an invoice with a line, a payment and a refund; another voided.
    ...(["invoiceId", "invoiceToVoid"] as const).map(
      (key): Step => ({
        op: "postInvoices",
        body: () => ({ patientId: s.patientId, lines: [{ description: "Dressing", quantity: 1, unitAmount: 1500 }] }),
        keep: (a) => {
          s[key] = a.id as string;
        },
      }),
    ),
    {
      op: "postInvoicesByIdLines",
      params: () => ({ id: s.invoiceId }),
      body: () => ({ lines: [{ description: "Bandage", quantity: 2, unitAmount: 250 }] }),
    },
    {
      op: "postPayments",
      body: () => ({ invoiceId: s.invoiceId, amount: 1000, method: "CASH" }),
      keep: (a) => {
        s.paymentId = a.id as string;
      },
    },
    {
      op: "postPaymentsByIdRefund",
      params: () => ({ id: s.paymentId }),
      body: () => ({ amount: 200, reason: "Charged twice for the bandage" }),
    },
    {
      op: "postInvoicesByIdVoid",
      params: () => ({ id: s.invoiceToVoid }),
      body: () => ({ reason: "Raised in error" }),
    },
    // Scheduling: the doctor's hours again, a booking and its cancellation.
    {
      op: "putDoctorsByIdAvailability",
      as: "doctor@demo.hospital",
      params: () => ({ id: s.doctorId }),
      body: () => JSON.parse(s.availability),
    },
    {
      op: "postAppointments",
      body: () => ({ patientId: s.patientId, doctorId: s.doctorId, startsAt: s.slot, reason: "Follow-up" }),
      keep: (a) => {
        s.appointmentId = a.id as string;
      },
    },
    {
      op: "patchAppointmentsById",
      params: () => ({ id: s.appointmentId }),
      body: () => ({ status: "CANCELLED", reason: "The patient asked" }),
    },
    // An admission, moved to another bed and discharged.
    {
      op: "postAdmissions",
      body: () => ({
        patientId: s.patientId,
        bedId: s.freeBed,
        attendingDoctorId: s.doctorId,
        reason: "Observation after a fall",
        plannedStayDays: 2,
      }),
      keep: (a) => {
        s.admissionId = a.id as string;
      },
    },
    {
      op: "postAdmissionsByIdTransfer",
      params: () => ({ id: s.admissionId }),
      body: () => ({ bedId: s.otherFreeBed }),
    },
    {
      op: "postAdmissionsByIdDischarge",
      params: () => ({ id: s.admissionId }),
      body: () => ({ summary: "Well; home with advice." }),
    },
  ];

  it("performs each write operation and validates the live answer against its schema and status", async () => {
    const performed = new Set<string>();
    const mismatches: string[] = [];
    const byId = new Map(OPERATIONS.map((o) => [o.operationId, o]));
    const run = async (step: Step) => {
      const op = byId.get(step.op);
      if (!op) throw new Error(`no operation ${step.op}`);
      session.actor = step.as ? await actorByEmail(step.as) : await actorFor(op);
      const res = await perform(op, step.params?.() ?? {}, step.body?.(), step.query);
      const expected = step.status ?? op.status ?? 200;
      const text = await res.text();
      const where = `${op.method} ${op.path}${step.query ? `?${step.query}` : ""}`;
      if (res.status !== expected) {
        mismatches.push(`${where}: status ${res.status}, expected ${expected}: ${text.slice(0, 300)}`);
        return;
      }
      if (expected !== (op.status ?? 200) && !op.otherStatuses?.includes(expected))
        mismatches.push(`${where}: ${expected} is not documented`);
      performed.add(step.op);
      if (expected === 204) {
        if (text !== "") mismatches.push(`${where}: a 204 with a body`);
        return;
      }
      const body = JSON.parse(text) as Record<string, unknown>;
      const result = op.response?.safeParse(body);
      if (!result?.success)
        mismatches.push(
          `${where}: ${
            result?.error.issues
              .slice(0, 4)
              .map((i) => `${i.path.join(".")}: ${i.message}`)
              .join("; ") ?? "no response schema"
          }`,
        );
      step.keep?.(body);
    };

    for (const step of STEPS) await run(step);
    // The registration job, as the worker runs it: a new account (email unconfirmed) held for a link
    // to the matching record. Then its confirmation link, the pair of the two registrations, a slot.
    const job = queued.jobs.find((j) => j.name === "account.register");
    expect(job, "POST /auth/register queued its job").toBeDefined();
    await completeRegistration(db(), job!.payload as RegistrationJob, { from: "no-reply@h.org", hospitalName: "H" });
    const account = await db().user.findUniqueOrThrow({ where: { email: "wren.contract@example.org" } });
    s.linkRequestId = (await first(`SELECT id FROM "PatientLinkRequest" WHERE "userId" = '${account.id}'`))!;
    // The link's token, as the email handed to SMTP carries it (lib/notifications/links.ts).
    s.confirmToken = linkToken((await issueLink(db(), account.id, "CONFIRM_EMAIL")).tokenId);
    s.pairId = (await first(
      `SELECT id FROM "DuplicatePair" WHERE '${s.duplicateId}' IN ("patientAId", "patientBId") LIMIT 1`,
    ))!;
    const getAvailability = byId.get("getDoctorsByIdAvailability")!;
    session.actor = await actorByEmail("doctor@demo.hospital");
    s.availability = await (await call(getAvailability, { id: s.doctorId })).text();
    // A free slot a week ahead (today's may all be past, whatever the hour the test runs).
    const weekAhead = new Date(today.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    const slotsOp = byId.get("getDoctorsByIdSlots")!;
    const slotsRes = await (await mod(slotsOp)).GET(
      new NextRequest(`http://localhost/api/v1/doctors/${s.doctorId}/slots?date=${weekAhead}&pageSize=100`),
      { params: Promise.resolve({ id: s.doctorId }) },
    );
    const slots = (await slotsRes.json()) as { items: { startsAt: string; free: boolean }[] };
    s.slot = slots.items.find((x) => x.free)?.startsAt ?? "";
    expect(s.slot, "a free slot of the seeded doctor a week ahead").not.toBe("");
    for (const step of STEPS_AFTER_REGISTRATION) await run(step);

    expect(mismatches).toEqual([]);
    const writes = OPERATIONS.filter((o) => (o.method !== "GET" && answersJson(o)) || o.status === 204);
    expect(
      writes.map((o) => o.operationId).filter((id) => !performed.has(id) && !NOT_PERFORMED[id]),
      "performed by no step",
    ).toEqual([]);
  }, 300_000);
});
