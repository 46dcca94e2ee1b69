import type * as R4 from "fhir/r4";
import { openChart } from "@/lib/patients/chart";
import { audit, auditedRead, auditViews } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { AppError, forbidden, notFound } from "@/lib/server/errors";
import { can, type Permission } from "@/lib/server/permissions";
import { MAX_LIST_VALUES, MAX_SEARCH_CHARS, MAX_SEARCH_WORDS } from "@/lib/server/search-limits";
import type { Ctx } from "@/lib/server/session";
import { searchset, type Paging } from "./bundle";
import { capabilityStatement, FHIR_TYPES, SEARCH_PARAMS, type FhirType } from "./capability";
import {
  DOCUMENT_CATEGORY_CODES,
  DOCUMENT_CATEGORY_SYSTEM,
  SYSTEM,
  toPatient,
  type DocumentCategoryCode,
} from "./mappers";
import {
  CLINICAL_TYPES,
  clinicalSources,
  nationalIdSystem,
  pageSources,
  patientSource,
  practitioner,
  practitionerSource,
  readClinical,
  visiblePatient,
  type ClinicalType,
  type ObservationCategory,
  type PatientSearch,
  type Source,
  type Window,
} from "./queries";
import { E } from "@/lib/i18n/error-keys";
import type { Msg } from "@/lib/i18n/message";

// /fhir/R4/… requests: which permission each needs, then the read itself (scoped and audited).
// The route authorizes with `permission` before calling `run`; the metadata needs none.

const m = E.fhir;
/** Integration token scopes (besides "full") that reach the FHIR API. */
export const FHIR_SCOPES = ["fhir:read"] as const;

const PERMISSION: Record<FhirType, Permission> = {
  Patient: "patient.read",
  Practitioner: "doctor.search",
  Encounter: "clinical.read",
  Condition: "clinical.read",
  AllergyIntolerance: "patient.read",
  Observation: "clinical.read",
  MedicationRequest: "prescription.read",
  Appointment: "appointment.read",
  DocumentReference: "document.read",
};

/** `strict`: the client sent `Prefer: handling=strict` (an unknown parameter is then refused, not ignored). */
export type FhirRequest = { base: string; url: URL; software: string; now: Date; strict?: boolean };

/** Whether a Prefer header asks for strict handling (RFC 7240; FHIR search "handling"). */
export const preferStrict = (prefer: string | null) =>
  !!prefer && prefer.split(/[,;]/).some((p) => /^\s*handling\s*=\s*"?strict"?\s*$/i.test(p));
type Run = (prisma: Db, ctx: Ctx) => Promise<R4.FhirResource>;
export type FhirRoute = { permission: null; run: () => R4.FhirResource } | { permission: Permission; run: Run };

const invalid = (fields: Record<string, Msg>) => new AppError("VALIDATION_FAILED", E.errors.fixFields, { fields });
const isType = (s: string): s is FhirType => (FHIR_TYPES as string[]).includes(s);
const isClinical = (t: FhirType): t is ClinicalType => (CLINICAL_TYPES as readonly string[]).includes(t);

/** `_count` (1–200, default 20) and `_offset` (or `_page` from 1). */
export function paging(params: URLSearchParams, defaultCount = 20): Paging {
  const int = (name: string, min: number, max: number, message: Msg) => {
    const raw = params.get(name);
    if (raw === null) return undefined;
    // Digits only, as every query number here: `1e1`, `0x10` or `2.0` are refused, not guessed at.
    const n = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) throw invalid({ [name]: message });
    return n;
  };
  const count = int("_count", 1, 200, m.badCount) ?? defaultCount;
  const offset = int("_offset", 0, Number.MAX_SAFE_INTEGER, m.badOffset);
  const page = int("_page", 1, Number.MAX_SAFE_INTEGER, m.badOffset);
  return { count, offset: offset ?? (page ? (page - 1) * count : 0) };
}

const COMMON = ["_count", "_offset", "_page", "_format"];
export type Warning = { param: string; text: string };
/**
 * The supported parameters, each value at most MAX_SEARCH_CHARS long and each parameter given at
 * most MAX_LIST_VALUES times (lib/server/search-limits.ts: the REST search's bounds). Any other
 * parameter is ignored and returned as a warning (the Bundle lists it in an OperationOutcome), or
 * refused (400) when the client asked for strict handling (`Prefer: handling=strict`).
 */
function checkParams(params: URLSearchParams, allowed: string[], strict: boolean): Warning[] {
  const keys = [...new Set(params.keys())];
  const bad = keys.filter((k) => !COMMON.includes(k) && !allowed.includes(k));
  if (bad.length && strict) throw invalid(Object.fromEntries(bad.map((k) => [k, m.badParam(k)])));
  const fields: Record<string, Msg> = {};
  for (const k of keys) {
    // A list parameter's values are its comma-separated items.
    const values = k === "_id" || k === "_type" ? params.getAll(k).flatMap((v) => v.split(",")) : params.getAll(k);
    if (values.length > MAX_LIST_VALUES) fields[k] = m.tooManyValues(MAX_LIST_VALUES);
    else if (values.some((v) => v.length > MAX_SEARCH_CHARS)) fields[k] = m.tooLong(MAX_SEARCH_CHARS);
  }
  if (Object.keys(fields).length) throw invalid(fields);
  return bad.map((k) => ({ param: k, text: m.ignoredParam(k) }));
}

/** `patient=<id>` or `patient=Patient/<id>` (also `subject=`), required for clinical searches. */
function patientParam(params: URLSearchParams): string {
  const raw = (params.get("patient") ?? params.get("subject") ?? "").trim().replace(/^Patient\//, "");
  if (!raw) throw invalid({ patient: m.patientRequired });
  return raw;
}

/** `_id=a,b` (and `_id=a&_id=b`): at most MAX_LIST_VALUES ids. */
function idsParam(params: URLSearchParams): string[] {
  const ids = params
    .getAll("_id")
    .flatMap((v) => v.split(","))
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length > MAX_LIST_VALUES) throw invalid({ _id: m.tooManyValues(MAX_LIST_VALUES) });
  return ids;
}

function patientSearch(params: URLSearchParams): PatientSearch {
  const q: PatientSearch = {};
  const ids = idsParam(params);
  if (ids.length) q.ids = ids;
  const words = params
    .getAll("name")
    .flatMap((v) => v.split(/[\s,]+/))
    .filter(Boolean);
  if (words.length > MAX_SEARCH_WORDS) throw invalid({ name: m.tooManyWords(MAX_SEARCH_WORDS) });
  if (words.length) q.name = words;
  const identifier = params.get("identifier");
  if (identifier !== null) {
    // system|value, or a value alone (an MRN or a national id). `split("|", 2)` would cut a value with a "|".
    const bar = identifier.indexOf("|");
    const [system, value] = bar >= 0 ? [identifier.slice(0, bar), identifier.slice(bar + 1)] : [null, identifier];
    const which = !system
      ? null
      : system === SYSTEM.mrn
        ? "mrn"
        : system === nationalIdSystem()
          ? "national"
          : undefined;
    if (!value || which === undefined) throw invalid({ identifier: m.badIdentifier });
    q.identifier = { value, system: which };
  }
  return q;
}

/** DocumentReference `category=consent` (or `urn:hms:document-category|consent`). */
function documentCategory(params: URLSearchParams): DocumentCategoryCode | undefined {
  const raw = params.get("category");
  if (raw === null) return undefined;
  const [system, code] = raw.includes("|") ? raw.split("|", 2) : [null, raw];
  if (
    (system && system !== DOCUMENT_CATEGORY_SYSTEM) ||
    !DOCUMENT_CATEGORY_CODES.includes(code as DocumentCategoryCode)
  )
    throw invalid({ category: m.badDocumentCategory });
  return code as DocumentCategoryCode;
}

const CATEGORIES: ObservationCategory[] = ["vital-signs", "survey", "laboratory"];
function category(params: URLSearchParams): ObservationCategory | undefined {
  const raw = params.get("category");
  if (raw === null) return undefined;
  const code = raw.replace(/^.*\|/, "") as ObservationCategory;
  if (!CATEGORIES.includes(code)) throw invalid({ category: m.badCategory });
  return code;
}

const EVERYTHING_TYPES = ["Patient", ...CLINICAL_TYPES] as const;
/** `_type=Observation,Condition`: the types wanted (all when absent). */
function typesParam(params: URLSearchParams): Set<string> | null {
  const raw = params
    .getAll("_type")
    .flatMap((v) => v.split(","))
    .map((t) => t.trim())
    .filter(Boolean);
  if (!params.has("_type")) return null;
  if (!raw.length || raw.some((t) => !(EVERYTHING_TYPES as readonly string[]).includes(t)))
    throw invalid({ _type: m.badType });
  return new Set(raw);
}

const DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
const DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;
/**
 * A FHIR date (2024, 2024-05, 2024-05-01: the period it names, in UTC) or dateTime with its zone (an
 * instant), as [first instant, first instant after]. Anything else: 400.
 */
function periodParam(params: URLSearchParams, name: string): { from: Date; until: Date } | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const d = DATE.exec(raw);
  if (d) {
    const [y, mo, day] = [Number(d[1]), d[2] ? Number(d[2]) - 1 : null, d[3] ? Number(d[3]) : null];
    const from = new Date(Date.UTC(y, mo ?? 0, day ?? 1));
    const until = new Date(
      Date.UTC(mo === null ? y + 1 : y, mo === null ? 0 : day === null ? mo + 1 : mo, day === null ? 1 : day + 1),
    );
    // 2024-02-31 rolls over: refused, not guessed at; so is a year before 1000 (Date.UTC reads 0050 as 1950).
    if ((day !== null && from.getUTCDate() !== day) || y < 1000) throw invalid({ [name]: m.badDate });
    return { from, until };
  }
  const t = DATE_TIME.test(raw) ? new Date(raw) : null;
  if (!t || Number.isNaN(t.getTime())) throw invalid({ [name]: m.badDate });
  return { from: t, until: new Date(t.getTime() + 1) };
}

/**
 * The Patient, then each clinical type the actor may read, one page across them all: the parameters
 * checked first (a refused request reads and writes nothing), then the chart opened (scope, the one
 * audit row), then the page. `_type` limits the types, `_since` to what changed since, `start` and
 * `end` to care dates in that period (end inclusive of the day it names), `_count` the page size.
 */
async function everything(prisma: Db, ctx: Ctx, req: FhirRequest, patientId: string): Promise<R4.Bundle> {
  const params = req.url.searchParams;
  const page = paging(params, 100);
  const warnings = checkParams(params, ["_type", "_since", "start", "end"], !!req.strict);
  const types = typesParam(params);
  const window: Window = {
    since: periodParam(params, "_since")?.from,
    start: periodParam(params, "start")?.from,
    end: periodParam(params, "end")?.until,
  };
  const chart = await openChart(prisma, ctx, patientId, {
    need: "clinical.read",
    entity: "FHIR/Patient/$everything",
    details: { offset: page.offset, count: page.count, ...(req.url.search ? { search: req.url.search } : {}) },
  });
  const wants = (t: string) => !types || types.has(t);
  const patient = toPatient(chart.patient, nationalIdSystem());
  const patientShown = wants("Patient") && (!window.since || chart.patient.updatedAt >= window.since);
  const sources: Source[] = [
    ...(patientShown ? [{ count: async () => 1, page: async () => [patient] }] : []),
    ...CLINICAL_TYPES.filter((t) => wants(t) && can(ctx.actor.role, PERMISSION[t])).flatMap((t) =>
      clinicalSources(prisma, chart, t, { window }),
    ),
  ];
  const { total, resources } = await pageSources(sources, page.offset, page.count);
  return searchset(req.base, req.url, page, total, resources, warnings);
}

async function search(prisma: Db, ctx: Ctx, req: FhirRequest, type: FhirType): Promise<R4.Bundle> {
  const params = req.url.searchParams;
  const warnings = checkParams(
    params,
    SEARCH_PARAMS[type].map((p) => p.name).concat(isClinical(type) ? ["subject"] : []),
    !!req.strict,
  );
  const page = paging(params);
  let result: { total: number; resources: R4.FhirResource[] };
  if (type === "Patient") {
    // A list of patients: one VIEW row per patient shown, in the read's transaction.
    const q = patientSearch(params);
    result = await auditedRead(
      prisma,
      (tx) => pageSources([patientSource(tx, ctx, q)], page.offset, page.count),
      (tx, r) =>
        auditViews(
          tx,
          ctx,
          { entity: "FHIR/Patient", details: { search: req.url.search } },
          r.resources.map((p) => ({ patientId: p.id! })),
        ),
    );
  } else if (type === "Practitioner")
    result = await pageSources(
      [practitionerSource(prisma, ctx, { ids: idsParam(params), name: params.get("name")?.trim() || undefined })],
      page.offset,
      page.count,
    );
  else {
    const cat = type === "Observation" ? category(params) : undefined;
    const documentCat = type === "DocumentReference" ? documentCategory(params) : undefined;
    const chart = await openChart(prisma, ctx, patientParam(params), {
      need: PERMISSION[type],
      entity: `FHIR/${type}`,
      details: { search: req.url.search },
    });
    result = await pageSources(
      clinicalSources(prisma, chart, type, { category: cat, documentCategory: documentCat }),
      page.offset,
      page.count,
    );
  }
  return searchset(req.base, req.url, page, result.total, result.resources, warnings);
}

async function read(prisma: Db, ctx: Ctx, type: FhirType, id: string): Promise<R4.FhirResource> {
  if (type === "Practitioner") {
    const p = await practitioner(prisma, ctx, id);
    if (!p) throw notFound();
    return p;
  }
  const found =
    type === "Patient"
      ? await visiblePatient(prisma, ctx, id).then((r) => r && { resource: r, patientId: id })
      : await readClinical(prisma, ctx, type, id);
  if (!found) throw type === "Patient" ? notFound("patient") : notFound();
  await audit(prisma, ctx, { action: "VIEW", entity: `FHIR/${type}`, entityId: id, patientId: found.patientId });
  return found.resource;
}

/** What a GET under /fhir/R4 asks for: `segments` is the path after /fhir/R4. */
export function fhirRoute(segments: string[], req: FhirRequest): FhirRoute {
  const [type, id, op, ...rest] = segments;
  if (segments.length === 1 && type === "metadata")
    return { permission: null, run: () => capabilityStatement(req.base, req.software, req.now) };
  if (!type || rest.length) throw new AppError("NOT_FOUND", m.unknownPath);
  if (!isType(type)) throw new AppError("NOT_FOUND", m.unknownType(type));
  if (op !== undefined) {
    if (type !== "Patient" || op !== "$everything") throw new AppError("NOT_FOUND", m.unknownPath);
    return { permission: "clinical.read", run: (prisma, ctx) => everything(prisma, ctx, req, id) };
  }
  if (id !== undefined) {
    // A read takes no search parameters: ignored, or refused under Prefer: handling=strict.
    const extra = [...new Set(req.url.searchParams.keys())].filter((k) => k !== "_format");
    if (extra.length && req.strict) throw invalid(Object.fromEntries(extra.map((k) => [k, m.badParam(k)])));
    return { permission: PERMISSION[type], run: (prisma, ctx) => read(prisma, ctx, type, id) };
  }
  return { permission: PERMISSION[type], run: (prisma, ctx) => search(prisma, ctx, req, type) };
}

/** Route, check the permission against the actor (the route itself resolves the actor), run. */
export async function fhirRead(prisma: Db, ctx: Ctx, segments: string[], req: FhirRequest): Promise<R4.FhirResource> {
  const route = fhirRoute(segments, req);
  if (route.permission === null) return route.run();
  if (!can(ctx.actor.role, route.permission)) throw forbidden();
  return route.run(prisma, ctx);
}
