import { expect, test, type APIRequestContext } from "@playwright/test";
import { USERS, apiToken, bearer } from "./fixtures";

// Issue 8: the FHIR R4 read API at /fhir/R4, through HTTP with bearer tokens.

const FHIR = "application/fhir+json";

async function fhir(request: APIRequestContext, path: string, token?: string, headers: Record<string, string> = {}) {
  const res = await request.get(`/fhir/R4/${path}`, { headers: { ...(token ? bearer(token) : {}), ...headers } });
  expect(res.headers()["content-type"]).toContain(FHIR);
  return { status: res.status(), body: await res.json(), headers: res.headers() };
}

test("the CapabilityStatement is public: FHIR 4.0.1, JSON, each resource type and Patient $everything", async ({
  request,
}) => {
  const { status, body } = await fhir(request, "metadata");
  expect(status).toBe(200);
  expect(body).toMatchObject({
    resourceType: "CapabilityStatement",
    fhirVersion: "4.0.1",
    format: expect.arrayContaining(["json"]),
  });
  const types = body.rest[0].resource.map((r: { type: string }) => r.type);
  expect(types).toEqual(
    expect.arrayContaining([
      "Patient",
      "Practitioner",
      "Encounter",
      "Condition",
      "AllergyIntolerance",
      "Observation",
      "MedicationRequest",
      "Appointment",
    ]),
  );
  expect(body.rest[0].resource.find((r: { type: string }) => r.type === "Patient").operation[0].name).toBe(
    "everything",
  );
});

test("a patient gets their own $everything as a Bundle, and another patient's is not found", async ({ request }) => {
  const patient = await apiToken(request, USERS.PATIENT);
  const me = await (await request.get("/api/v1/patients/me", { headers: bearer(patient.token) })).json();
  const { status, body } = await fhir(request, `Patient/${me.id}/$everything`, patient.token);
  expect(status).toBe(200);
  expect(body).toMatchObject({ resourceType: "Bundle", type: "searchset", total: expect.any(Number) });
  const resources = body.entry.map((e: { resource: { resourceType: string } }) => e.resource);
  expect(resources[0]).toMatchObject({
    resourceType: "Patient",
    id: me.id,
    name: [{ family: me.lastName, given: [me.firstName] }],
  });
  // The demo patient's signed consultation, vitals (heart rate in LOINC) and lab results, all about her.
  const of = (type: string) => resources.filter((r: { resourceType: string }) => r.resourceType === type);
  expect(of("Encounter")[0]).toMatchObject({
    status: "finished",
    class: { code: "AMB" },
    subject: { reference: `Patient/${me.id}` },
  });
  const loinc = of("Observation").map((o: { code: { coding?: { code: string }[] } }) => o.code.coding?.[0].code);
  expect(loinc).toEqual(expect.arrayContaining(["8867-4", "85354-9"]));
  expect(
    of("Observation").some(
      (o: { category: { coding: { code: string }[] }[] }) => o.category[0].coding[0].code === "laboratory",
    ),
  ).toBe(true);

  const doctor = await apiToken(request, USERS.DOCTOR);
  const others = (await (await request.get("/api/v1/patients?q=Bello", { headers: bearer(doctor.token) })).json())
    .items;
  const otherId = others.find((p: { id: string }) => p.id !== me.id).id;
  const denied = await fhir(request, `Patient/${otherId}/$everything`, patient.token);
  expect(denied.status).toBe(404);
  expect(denied.body).toMatchObject({
    resourceType: "OperationOutcome",
    issue: [{ severity: "error", code: "not-found" }],
  });
  expect((await fhir(request, `Patient/${otherId}`, patient.token)).status).toBe(404);
  expect((await fhir(request, `Observation?patient=${otherId}`, patient.token)).status).toBe(404);
});

test("a doctor reads a Patient, finds her by name and MRN, searches her Observations and allergies", async ({
  request,
}) => {
  const doctor = await apiToken(request, USERS.DOCTOR);
  const byName = await fhir(request, "Patient?name=Amara%20Bello", doctor.token);
  expect(byName.status).toBe(200);
  expect(byName.body).toMatchObject({ resourceType: "Bundle", type: "searchset" });
  const amara = byName.body.entry[0].resource;
  expect(amara.name[0]).toMatchObject({ family: "Bello", given: ["Amara"] });
  const mrn = amara.identifier.find((i: { system?: string }) => i.system === "urn:hms:mrn").value;

  const read = await fhir(request, `Patient/${amara.id}`, doctor.token);
  expect(read.status).toBe(200);
  expect(read.body).toMatchObject({ resourceType: "Patient", id: amara.id, gender: "female", birthDate: "1978-06-03" });
  const byMrn = await fhir(request, `Patient?identifier=${encodeURIComponent(`urn:hms:mrn|${mrn}`)}`, doctor.token);
  expect(byMrn.body.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual([amara.id]);
  const allergies = await fhir(request, `AllergyIntolerance?patient=${amara.id}`, doctor.token);
  expect(allergies.body.entry.map((e: { resource: unknown }) => e.resource)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        code: { text: expect.stringMatching(/penicillin/i) },
        criticality: "high",
        patient: { reference: `Patient/${amara.id}` },
      }),
    ]),
  );

  // The demo patient (Sam Patient) has vitals: page through her Observations two at a time.
  const sam = (await fhir(request, "Patient?name=Sam%20Patient", doctor.token)).body.entry[0].resource;
  const obs = await fhir(request, `Observation?patient=${sam.id}&_count=2`, doctor.token);
  expect(obs.status).toBe(200);
  expect(obs.body.total).toBeGreaterThan(2);
  expect(obs.body.entry).toHaveLength(2);
  for (const e of obs.body.entry)
    expect(e.resource).toMatchObject({
      resourceType: "Observation",
      status: "final",
      subject: { reference: `Patient/${sam.id}` },
    });
  const next = obs.body.link.find((l: { relation: string }) => l.relation === "next").url as string;
  expect(next).toContain("_offset=2");
  const page2 = await request.get(new URL(next).pathname + new URL(next).search, { headers: bearer(doctor.token) });
  expect(page2.status()).toBe(200);
  expect((await page2.json()).entry[0].resource.id).not.toBe(obs.body.entry[0].resource.id);
});

test("errors are OperationOutcomes: 401 without a token, 403 without the permission, 400 for a bad search", async ({
  request,
}) => {
  const anonymous = await fhir(request, "Patient?name=Bello");
  expect(anonymous.status).toBe(401);
  expect(anonymous.body.issue[0].code).toBe("login");
  // RFC 6750: the 401 names the scheme a client should use.
  expect(anonymous.headers["www-authenticate"]).toMatch(/^Bearer\b/);
  const pharmacist = await apiToken(request, USERS.PHARMACIST);
  const forbidden = await fhir(request, "Observation?patient=x", pharmacist.token);
  expect(forbidden.status).toBe(403);
  expect(forbidden.body.issue[0].code).toBe("forbidden");
  const doctor = await apiToken(request, USERS.DOCTOR);
  const bad = await fhir(request, "Observation", doctor.token);
  expect(bad.status).toBe(400);
  expect(
    bad.body.issue.map((i: { code: string; expression?: string[] }) => [i.code, i.expression?.[0] ?? null]),
  ).toEqual([
    ["invalid", null],
    ["invalid", "patient"],
  ]);
  // An unknown parameter: ignored and listed as a warning, or refused under Prefer: handling=strict.
  const me = await apiToken(request, USERS.PATIENT);
  const id = (await (await request.get("/api/v1/patients/me", { headers: bearer(me.token) })).json()).id as string;
  const lenient = await fhir(request, `Observation?patient=${id}&code=8867-4`, doctor.token);
  expect(lenient.status).toBe(200);
  expect(lenient.body.entry.at(-1)).toMatchObject({
    search: { mode: "outcome" },
    resource: { resourceType: "OperationOutcome", issue: [{ severity: "warning", expression: ["code"] }] },
  });
  const strict = await fhir(request, `Observation?patient=${id}&code=8867-4`, doctor.token, {
    Prefer: "handling=strict",
  });
  expect(strict.status).toBe(400);
  expect(strict.body.issue.map((i: { expression?: string[] }) => i.expression?.[0] ?? null)).toEqual([null, "code"]);
});

test("a fhir:read integration token reads FHIR as its owner and nothing else", async ({ request }) => {
  const admin = bearer((await apiToken(request, USERS.ADMIN)).token);
  const made = await request.post("/api/v1/tokens", { headers: admin, data: { name: "HIE", scopes: ["fhir:read"] } });
  expect(made.status(), await made.text()).toBe(201);
  const secret = (await made.json()).secret as string;
  const found = await fhir(request, "Patient?name=Bello", secret);
  expect(found.status).toBe(200);
  expect(found.body.total).toBeGreaterThan(0);
  expect((await request.get("/api/v1/stats", { headers: bearer(secret) })).status()).toBe(403);
});
