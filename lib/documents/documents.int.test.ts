import { NextRequest } from "next/server";
import sharp from "sharp";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedPatient, seedUser } from "@/prisma/builders";
import { GET as contentRoute } from "@/app/api/v1/documents/[id]/route";
import { GET as thumbnailRoute } from "@/app/api/v1/documents/[id]/thumbnail/route";
import { GET as listRoute, POST as uploadRoute } from "@/app/api/v1/patients/[id]/documents/route";
import type * as R4 from "fhir/r4";
import { fhirRead } from "@/lib/fhir/handler";
import { openChart } from "@/lib/patients/chart";
import { fhirProblems } from "@/tests/fhir-structure";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import type { Ctx } from "@/lib/server/session";
import { createToken } from "@/lib/tokens/service";
import { resetDatabase } from "@/tests/reset";
import { latestConsent } from "./queries";
import { CHUNK_BYTES } from "./service";

// Issue 17, documents on the chart: upload (streamed, typed by content, size-limited), the content
// route (headers, audit), and scope (patient A never sees patient B's documents, nor unshared ones).

let authorization: string | null = null;
vi.mock("next/headers", () => ({ headers: async () => new Headers(authorization ? { authorization } : {}) }));

type Role = Ctx["actor"]["role"];
const tokens: Record<string, string> = {};
const ctxs: Record<string, Ctx> = {};
let patientA: string;
let patientB: string;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00", "latin1"), Buffer.alloc(200, 1)]);

async function png(width = 64, height = 48, noise = false): Promise<Buffer> {
  if (!noise)
    return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
      .png()
      .toBuffer();
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919 + (i >> 3) * 104729) & 0xff;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

function form(
  fields: Record<string, string>,
  file?: { bytes: Buffer; name: string; type?: string },
  fileFirst = false,
): FormData {
  const f = new FormData();
  const addFile = () =>
    file &&
    f.append(
      "file",
      new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "application/octet-stream" }),
    );
  if (fileFirst) addFile();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  if (!fileFirst) addFile();
  return f;
}
const fields = (extra: Record<string, string> = {}) => ({
  title: "Referral letter",
  category: "referral",
  documentDate: "2026-11-30",
  ...extra,
});

async function upload(who: string, patientId: string, body: FormData | Buffer, headers: Record<string, string> = {}) {
  authorization = tokens[who] ? `Bearer ${tokens[who]}` : null;
  const req = new NextRequest(`http://localhost/api/v1/patients/${patientId}/documents`, {
    method: "POST",
    body: body as BodyInit,
    headers: { ...(authorization ? { authorization } : {}), ...headers },
  });
  const res = await uploadRoute(req, { params: Promise.resolve({ id: patientId }) });
  return { status: res.status, body: await res.json() };
}
async function get(who: string, handler: typeof contentRoute, path: string, params: Record<string, string>) {
  authorization = `Bearer ${tokens[who]}`;
  const res = await handler(new NextRequest(`http://localhost/api/v1${path}`), {
    params: Promise.resolve(params as { id: string }),
  });
  return res;
}
const list = async (who: string, patientId: string, query = "") => {
  const res = await get(who, listRoute as typeof contentRoute, `/patients/${patientId}/documents${query}`, {
    id: patientId,
  });
  return { status: res.status, body: await res.json() };
};
const documents = () => db().document.count();

beforeEach(async () => {
  await resetDatabase();
  const users: [string, Role][] = [
    ["nurse", "NURSE"],
    ["records", "RECORDS_OFFICER"],
    ["doctor", "DOCTOR"],
    ["pharmacist", "PHARMACIST"],
    ["admin", "ADMIN"],
    ["alice", "PATIENT"],
    ["bob", "PATIENT"],
  ];
  for (const [name, role] of users) {
    const u = await seedUser(db(), { email: `${name}@h.org`, name, role, password: "pw-0123456789" });
    ctxs[name] = { actor: { id: u.id, role, name, email: u.email }, ip: "10.0.0.1" };
    tokens[name] = (await createToken(db(), ctxs[name], { name, scopes: ["full"] })).secret;
  }
  patientA = (
    await seedPatient(db(), {
      firstName: "Alice",
      lastName: "Ahoua",
      dateOfBirth: "1980-01-01",
      sex: "female",
      userId: ctxs.alice.actor.id,
    })
  ).id;
  patientB = (
    await seedPatient(db(), {
      firstName: "Bob",
      lastName: "Bamba",
      dateOfBirth: "1975-02-02",
      sex: "male",
      userId: ctxs.bob.actor.id,
    })
  ).id;
});

describe("uploading a document", () => {
  it("types a file by its content: a .png name with PDF bytes is a PDF, stored and streamed back byte for byte", async () => {
    const r = await upload("nurse", patientA, form(fields(), { bytes: PDF, name: "scan.png", type: "image/png" }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      patientId: patientA,
      contentType: "application/pdf",
      byteSize: PDF.length,
      fileName: "scan.png",
      category: "referral",
      documentDate: "2026-11-30",
      sharedWithPatient: false,
      thumbnailUrl: null,
    });
    const res = await get("doctor", contentRoute, `/documents/${r.body.id}`, { id: r.body.id });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toBe(`inline; filename="scan.png"; filename*=UTF-8''scan.png`);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it("stores a large image in pieces, streams it back whole and makes a thumbnail", async () => {
    const image = await png(600, 600, true);
    expect(image.length).toBeGreaterThan(2 * CHUNK_BYTES);
    const r = await upload(
      "records",
      patientA,
      form(fields({ category: "imaging", title: "Chest X-ray" }), {
        bytes: image,
        name: "Radiographie thoracique é.png",
      }),
    );
    expect(r.status).toBe(201);
    expect(r.body.contentType).toBe("image/png");
    const pieces = await db().documentChunk.findMany({ where: { documentId: r.body.id }, select: { data: true } });
    expect(pieces.length).toBeGreaterThan(1);
    expect(Math.max(...pieces.map((p) => p.data.length))).toBe(CHUNK_BYTES);
    const res = await get("nurse", contentRoute, `/documents/${r.body.id}`, { id: r.body.id });
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''Radiographie%20thoracique%20%C3%A9.png");
    expect(Buffer.from(await res.arrayBuffer()).equals(image)).toBe(true);
    const thumb = await get("nurse", thumbnailRoute, `/documents/${r.body.id}/thumbnail`, { id: r.body.id });
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(meta.format).toBe("webp");
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(256);
  });

  it("refuses an .exe renamed .pdf (415 with the API's error body) and writes nothing", async () => {
    const r = await upload(
      "nurse",
      patientA,
      form(fields(), { bytes: EXE, name: "letter.pdf", type: "application/pdf" }),
    );
    expect(r.status).toBe(415);
    expect(r.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(r.body.error.fields.file).toMatch(/PDF, JPEG and PNG/);
    expect(await documents()).toBe(0);
    expect(await db().documentChunk.count()).toBe(0);
    expect(await db().auditEvent.count({ where: { entity: "Document" } })).toBe(0);
  });

  it("refuses a file over DOCUMENT_MAX_BYTES with 413, declared or streamed, and writes nothing", async () => {
    const limit = env().DOCUMENT_MAX_BYTES;
    const declared = await upload("nurse", patientA, form(fields(), { bytes: PDF, name: "x.pdf" }), {
      "content-length": String(limit + 1024 * 1024),
    });
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    // Within the route's body limit (the file's limit plus the form around it), but the file itself is 1 byte too big.
    const big = Buffer.alloc(limit + 1, 0x20);
    PDF.copy(big);
    const streamed = await upload("nurse", patientA, form(fields(), { bytes: big, name: "big.pdf" }));
    expect(streamed.status).toBe(413);
    expect(streamed.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await documents()).toBe(0);
    expect(await db().documentChunk.count()).toBe(0);
    // Exactly at the limit is fine.
    const exact = await upload("nurse", patientA, form(fields(), { bytes: big.subarray(0, limit), name: "exact.pdf" }));
    expect(exact.status).toBe(201);
    expect(exact.body.byteSize).toBe(limit);
  });

  it("answers malformed forms with 4xx and the error body, writing nothing", async () => {
    // Each case is run in turn: an upload names its caller for the request it makes (the mocked
    // headers), so two in flight at once would each be answered as the other's caller.
    type Answer = { status: number; body: { error: { code: string; fields?: Record<string, string> } } };
    const cases: [string, () => Promise<Answer>, number, string?][] = [
      ["no file", () => upload("nurse", patientA, form(fields())), 400, "file"],
      [
        "empty file",
        () => upload("nurse", patientA, form(fields(), { bytes: Buffer.alloc(0), name: "e.pdf" })),
        400,
        "file",
      ],
      [
        "file before the fields",
        () => upload("nurse", patientA, form(fields(), { bytes: PDF, name: "x.pdf" }, true)),
        400,
        "title",
      ],
      [
        "no title",
        () => upload("nurse", patientA, form(fields({ title: " " }), { bytes: PDF, name: "x.pdf" })),
        400,
        "title",
      ],
      [
        "unknown category",
        () => upload("nurse", patientA, form(fields({ category: "secret" }), { bytes: PDF, name: "x.pdf" })),
        400,
        "category",
      ],
      [
        "consent without the date signed",
        () => upload("nurse", patientA, form(fields({ category: "consent" }), { bytes: PDF, name: "x.pdf" })),
        400,
        "consentSignedOn",
      ],
      [
        "a date signed on a referral",
        () => upload("nurse", patientA, form(fields({ consentSignedOn: "2026-11-01" }), { bytes: PDF, name: "x.pdf" })),
        400,
        "consentSignedOn",
      ],
      [
        "bad date",
        () => upload("nurse", patientA, form(fields({ documentDate: "2026-02-30" }), { bytes: PDF, name: "x.pdf" })),
        400,
        "documentDate",
      ],
      [
        "unknown field",
        () => upload("nurse", patientA, form(fields({ patientId: patientB }), { bytes: PDF, name: "x.pdf" })),
        400,
        "patientId",
      ],
      [
        "NUL in the title",
        () => upload("nurse", patientA, form(fields({ title: "a\u0000b" }), { bytes: PDF, name: "x.pdf" })),
        400,
      ],
      [
        "JSON instead of a form",
        () => upload("nurse", patientA, Buffer.from(JSON.stringify(fields())), { "content-type": "application/json" }),
        415,
      ],
      [
        "a broken multipart body",
        () =>
          upload("nurse", patientA, Buffer.from('--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\nabc'), {
            "content-type": "multipart/form-data; boundary=xyz",
          }),
        400,
      ],
      [
        "an unknown patient",
        () => upload("nurse", "no-such-patient", form(fields(), { bytes: PDF, name: "x.pdf" })),
        404,
      ],
      ["a pharmacist", () => upload("pharmacist", patientA, form(fields(), { bytes: PDF, name: "x.pdf" })), 403],
      ["a patient", () => upload("alice", patientA, form(fields(), { bytes: PDF, name: "x.pdf" })), 403],
    ];
    for (const [name, run, status, field] of cases) {
      const r = await run();
      expect(r.status, name).toBe(status);
      expect(r.body.error.code, name).toEqual(expect.any(String));
      if (field) expect(Object.keys(r.body.error.fields ?? {}), name).toContain(field);
    }
    expect(await documents()).toBe(0);
  });

  it("links a document only to a consultation or admission of the same patient", async () => {
    const doctor = ctxs.doctor.actor.id;
    const ofB = await db().consultation.create({ data: { patientId: patientB, doctorId: doctor } });
    const ofA = await db().consultation.create({ data: { patientId: patientA, doctorId: doctor } });
    const bad = await upload(
      "doctor",
      patientA,
      form(fields({ consultationId: ofB.id }), { bytes: PDF, name: "x.pdf" }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.consultationId).toBeDefined();
    const good = await upload(
      "doctor",
      patientA,
      form(fields({ consultationId: ofA.id }), { bytes: PDF, name: "x.pdf" }),
    );
    expect(good.status).toBe(201);
    expect(good.body.consultationId).toBe(ofA.id);
  });

  it("refuses a cookie-authenticated multipart write that does not say where it comes from (CSRF)", async () => {
    authorization = null;
    const req = new NextRequest(`http://localhost/api/v1/patients/${patientA}/documents`, {
      method: "POST",
      body: form(fields(), { bytes: PDF, name: "x.pdf" }),
    });
    const res = await uploadRoute(req, { params: Promise.resolve({ id: patientA }) });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("CROSS_SITE_REQUEST");
  });
});

describe("reading documents", () => {
  let shared: string;
  let unshared: string;
  let sharedB: string;
  beforeEach(async () => {
    shared = (
      await upload(
        "nurse",
        patientA,
        form(fields({ title: "Discharge letter", sharedWithPatient: "true" }), { bytes: PDF, name: "letter.pdf" }),
      )
    ).body.id;
    unshared = (
      await upload("nurse", patientA, form(fields({ title: "Psych referral" }), { bytes: PDF, name: "psych.pdf" }))
    ).body.id;
    sharedB = (
      await upload(
        "nurse",
        patientB,
        form(fields({ title: "Bob's result", category: "result", sharedWithPatient: "on" }), {
          bytes: await png(),
          name: "r.png",
        }),
      )
    ).body.id;
  });

  it("audits every view of a document, and each list read once per patient", async () => {
    const before = await db().auditEvent.count({ where: { entity: "Document", action: "VIEW" } });
    await get("doctor", contentRoute, `/documents/${shared}`, { id: shared });
    await get("doctor", contentRoute, `/documents/${shared}`, { id: shared });
    await get("alice", contentRoute, `/documents/${shared}`, { id: shared });
    await list("nurse", patientA);
    const rows = await db().auditEvent.findMany({
      where: { entity: "Document", action: "VIEW" },
      orderBy: { seq: "asc" },
      skip: before,
    });
    expect(rows.map((r) => [r.actorId, r.entityId, r.patientId])).toEqual([
      [ctxs.doctor.actor.id, shared, patientA],
      [ctxs.doctor.actor.id, shared, patientA],
      [ctxs.alice.actor.id, shared, patientA],
      [ctxs.nurse.actor.id, null, patientA],
    ]);
    const created = await db().auditEvent.count({ where: { entity: "Document", action: "CREATE" } });
    expect(created).toBe(3);
  });

  it("shows staff every document of the chart, newest document date first, filtered by category", async () => {
    const all = await list("records", patientA);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(all.body.items.map((d: { title: string }) => d.title).sort()).toEqual([
      "Discharge letter",
      "Psych referral",
    ]);
    const results = await list("doctor", patientB, "?category=result");
    expect(results.body.items.map((d: { id: string }) => d.id)).toEqual([sharedB]);
    expect(results.body.items[0].thumbnailUrl).toBe(`/api/v1/documents/${sharedB}/thumbnail`);
    expect((await list("doctor", patientB, "?category=x")).status).toBe(400);
  });

  it("shows a patient only their own documents that staff shared: another's or an unshared one is 404", async () => {
    const own = await list("alice", patientA);
    expect(own.body.items.map((d: { id: string }) => d.id)).toEqual([shared]);
    expect((await get("alice", contentRoute, `/documents/${shared}`, { id: shared })).status).toBe(200);
    const views = await db().auditEvent.count({
      where: { entity: "Document", action: "VIEW", actorId: ctxs.alice.actor.id },
    });
    for (const id of [unshared, sharedB, "no-such-document"]) {
      const res = await get("alice", contentRoute, `/documents/${id}`, { id });
      expect(res.status, id).toBe(404);
      expect((await res.json()).error.code).toBe("NOT_FOUND");
      expect((await get("alice", thumbnailRoute, `/documents/${id}/thumbnail`, { id })).status, id).toBe(404);
    }
    // Refused reads write nothing.
    expect(
      await db().auditEvent.count({ where: { entity: "Document", action: "VIEW", actorId: ctxs.alice.actor.id } }),
    ).toBe(views);
    expect((await list("alice", patientB)).status).toBe(404);
    expect((await list("bob", patientA)).status).toBe(404);
    expect((await get("bob", thumbnailRoute, `/documents/${sharedB}/thumbnail`, { id: sharedB })).status).toBe(200);
    expect((await get("pharmacist", contentRoute, `/documents/${shared}`, { id: shared })).status).toBe(403);
  });

  it("gives the chart its latest consent by the date signed", async () => {
    await upload(
      "records",
      patientA,
      form(fields({ title: "Surgery consent", category: "consent", consentSignedOn: "2026-10-02" }), {
        bytes: PDF,
        name: "c1.pdf",
      }),
    );
    await upload(
      "records",
      patientA,
      form(fields({ title: "Anaesthesia consent", category: "consent", consentSignedOn: "2026-11-20" }), {
        bytes: PDF,
        name: "c2.pdf",
      }),
    );
    await upload(
      "records",
      patientA,
      form(fields({ title: "Old consent", category: "consent", consentSignedOn: "2025-01-05" }), {
        bytes: PDF,
        name: "c0.pdf",
      }),
    );
    const chart = await openChart(db(), ctxs.doctor, patientA, { need: "document.read" });
    expect(await latestConsent(db(), chart)).toMatchObject({
      title: "Anaesthesia consent",
      consentSignedOn: "2026-11-20",
    });
    const own = await openChart(db(), ctxs.alice, patientA, { need: "document.read" });
    expect(await latestConsent(db(), own)).toBeNull();
  });

  it("serves FHIR DocumentReference read and search (?patient=, ?category=) within the same scope", async () => {
    const fhir = (who: string, path: string) => {
      const url = new URL(`/fhir/R4/${path}`, "https://hospital.example");
      return fhirRead(db(), ctxs[who], url.pathname.split("/").slice(3).filter(Boolean), {
        base: "https://hospital.example",
        url,
        software: "Test",
        now: new Date(),
      });
    };
    const all = (await fhir("doctor", `DocumentReference?patient=${patientA}`)) as R4.Bundle;
    expect(all.total).toBe(2);
    const doc = (await fhir("doctor", `DocumentReference/${shared}`)) as R4.DocumentReference;
    expect(fhirProblems(doc)).toEqual([]);
    expect(doc).toMatchObject({
      resourceType: "DocumentReference",
      status: "current",
      subject: { reference: `Patient/${patientA}` },
      description: "Discharge letter",
    });
    expect(doc.category?.[0].coding?.[0]).toMatchObject({ system: "urn:hms:document-category", code: "referral" });
    expect(doc.content[0].attachment).toMatchObject({ contentType: "application/pdf", size: PDF.length });
    expect(doc.content[0].attachment.url).toMatch(new RegExp(`/api/v1/documents/${shared}$`));
    const results = (await fhir("doctor", `DocumentReference?patient=${patientB}&category=result`)) as R4.Bundle;
    expect(results.entry?.map((e) => e.resource!.id)).toEqual([sharedB]);
    expect(
      (
        (await fhir(
          "doctor",
          `DocumentReference?patient=${patientB}&category=urn:hms:document-category|consent`,
        )) as R4.Bundle
      ).total,
    ).toBe(0);
    await expect(fhir("doctor", `DocumentReference?patient=${patientB}&category=secret`)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    // A patient: their own shared documents only; anything else is not found.
    const own = (await fhir("alice", `DocumentReference?patient=${patientA}`)) as R4.Bundle;
    expect(own.entry?.map((e) => e.resource!.id)).toEqual([shared]);
    await expect(fhir("alice", `DocumentReference/${unshared}`)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(fhir("alice", `DocumentReference/${sharedB}`)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(fhir("alice", `DocumentReference?patient=${patientB}`)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().auditEvent.count({ where: { entity: "FHIR/DocumentReference", entityId: shared } })).toBe(1);
  });
});
