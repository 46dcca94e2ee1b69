// A light structural check of FHIR R4 JSON, for the tests: what a validator would reject first.
// Every resource has a resourceType and a valid id; no element is null or empty ("" , [] or {});
// dates, dateTimes and instants have FHIR's formats; references are "Type/id" (or "#id", contained).

const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const DATE_TIME =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/;
const INSTANT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;
const DATE_KEYS = new Set(["birthDate"]);
const INSTANT_KEYS = new Set(["lastUpdated", "issued"]);
const DATE_TIME_KEYS = new Set(["effectiveDateTime", "recordedDate", "authoredOn", "start", "end", "created", "date"]);
// "Type/id", or "#id" for a resource contained in the one that refers to it.
const REFERENCE = /^([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}|#[A-Za-z0-9\-.]{1,64})$/;

export function fhirProblems(json: unknown): string[] {
  const problems: string[] = [];
  const visit = (v: unknown, path: string, key: string) => {
    if (v === null || v === undefined) return void problems.push(`${path}: ${v === null ? "null" : "undefined"}`);
    if (typeof v === "string") {
      if (v === "") problems.push(`${path}: empty string`);
      if (DATE_KEYS.has(key) && !DATE.test(v)) problems.push(`${path}: not a date: ${v}`);
      if (INSTANT_KEYS.has(key) && !INSTANT.test(v)) problems.push(`${path}: not an instant: ${v}`);
      if (DATE_TIME_KEYS.has(key) && !DATE_TIME.test(v)) problems.push(`${path}: not a dateTime: ${v}`);
      if (key === "reference" && !REFERENCE.test(v)) problems.push(`${path}: not a reference: ${v}`);
      return;
    }
    if (typeof v === "number") {
      if (!Number.isFinite(v)) problems.push(`${path}: not a finite number`);
      return;
    }
    if (Array.isArray(v)) {
      if (!v.length) problems.push(`${path}: empty array`);
      v.forEach((x, i) => visit(x, `${path}[${i}]`, key));
      return;
    }
    if (typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (!Object.keys(o).length) problems.push(`${path}: empty object`);
      if (
        "resourceType" in o &&
        (typeof o.id !== "string" || !ID.test(o.id)) &&
        o.resourceType !== "Bundle" &&
        o.resourceType !== "OperationOutcome" &&
        o.resourceType !== "CapabilityStatement"
      )
        problems.push(`${path}: resource without a valid id`);
      for (const [k, x] of Object.entries(o)) visit(x, `${path}.${k}`, k);
    }
  };
  const root = json as Record<string, unknown>;
  if (typeof root?.resourceType !== "string") problems.push("resourceType missing");
  visit(root, "$", "");
  for (const [i, e] of ((root.entry as { resource?: { resourceType?: unknown } }[] | undefined) ?? []).entries())
    if (typeof e.resource?.resourceType !== "string") problems.push(`$.entry[${i}]: resource without resourceType`);
  return problems;
}
