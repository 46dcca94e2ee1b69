import { z } from "zod";
import { sessionCookieName } from "./auth-cookies";
import { appUrl, env } from "./env";
import type { Operation } from "./contract";
import { PERMISSIONS } from "./permissions";

// The OpenAPI 3.1 document of /api/v1, generated from the operations' contracts (lib/<domain>/contract.ts,
// their union in lib/api/operations.ts, handed in by the caller: lib/server imports no domain) and the
// same zod schemas the routes validate with (z.toJSONSchema speaks JSON Schema 2020-12, as 3.1 does).

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const COMPONENT_SCHEMAS: Json = {
  Error: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: { type: "string", examples: ["VALIDATION_FAILED"] },
          message: { type: "string" },
          fields: {
            type: "object",
            additionalProperties: { type: "string" },
            description: "Per-field messages (400 VALIDATION_FAILED).",
          },
          details: { type: "object", description: "Extra facts, e.g. safety findings or duplicate candidates." },
          correlationId: { type: "string" },
        },
      },
    },
  },
  Document: {
    type: "object",
    description: "A document on a chart (its bytes at `url`).",
    required: [
      "id",
      "patientId",
      "title",
      "category",
      "documentDate",
      "contentType",
      "byteSize",
      "fileName",
      "sharedWithPatient",
      "createdAt",
      "url",
    ],
    properties: {
      id: { type: "string" },
      patientId: { type: "string" },
      title: { type: "string", maxLength: 200 },
      category: { type: "string", enum: ["referral", "result", "imaging", "consent", "other"] },
      documentDate: { type: "string", format: "date" },
      consentSignedOn: { type: ["string", "null"], format: "date", description: "Consent documents: the date signed." },
      contentType: {
        type: "string",
        enum: ["application/pdf", "image/jpeg", "image/png"],
        description: "From the file's content, not its name.",
      },
      byteSize: { type: "integer", minimum: 1 },
      fileName: { type: "string" },
      sharedWithPatient: { type: "boolean" },
      consultationId: { type: ["string", "null"] },
      admissionId: { type: ["string", "null"] },
      uploadedBy: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
      createdAt: { type: "string", format: "date-time" },
      url: { type: "string", description: "GET: the content (/api/v1/documents/{id})." },
      thumbnailUrl: { type: ["string", "null"], description: "Images: a small WebP preview." },
    },
  },
  DocumentUpload: {
    type: "object",
    description: "multipart/form-data: these fields first, then the `file` part last.",
    required: ["title", "category", "documentDate", "file"],
    properties: {
      title: { type: "string", minLength: 1, maxLength: 200 },
      category: { type: "string", enum: ["referral", "result", "imaging", "consent", "other"] },
      documentDate: { type: "string", format: "date" },
      consentSignedOn: { type: "string", format: "date", description: "Required for (and only for) category consent." },
      sharedWithPatient: {
        type: "string",
        enum: ["true", "false", "on"],
        description: "Shown to the patient on their own pages. Default false.",
      },
      consultationId: { type: "string", description: "One of this patient's consultations." },
      admissionId: { type: "string", description: "One of this patient's admissions." },
      file: {
        type: "string",
        contentMediaType: "application/octet-stream",
        description: "PDF, JPEG or PNG (by content), at most DOCUMENT_MAX_BYTES.",
      },
    },
  },
  ListEnvelope: {
    type: "object",
    required: ["items", "total", "page", "pageSize"],
    properties: {
      items: { type: "array", items: { type: "object" } },
      total: { type: "integer", minimum: 0 },
      page: { type: "integer", minimum: 1 },
      pageSize: { type: "integer", minimum: 1, maximum: 100 },
    },
  },
};

const ERROR_STATUSES: Record<string, string> = {
  "400":
    "Invalid input (VALIDATION_FAILED with fields — also for NUL or a lone surrogate in any text, the query and path included, and for an id that refers to no record — MALFORMED_JSON).",
  "401": "Not signed in, or the token is expired, revoked or its owner deactivated (UNAUTHENTICATED).",
  "403":
    "The role, or the token's scopes, may never do this (FORBIDDEN); or a write with the session cookie came from another site (CROSS_SITE_REQUEST).",
  "404": "Not found, or outside the caller's scope (NOT_FOUND).",
  "409":
    "A conflict (SLOT_TAKEN, BED_OCCUPIED, SAFETY_CHECK, INVALID_TRANSITION, TOO_EARLY / TOO_LATE: a visit checked in or completed outside its time, OUT_OF_STOCK, OVERRIDE_NOT_ACKNOWLEDGED, DUPLICATE, IN_USE: a record still referred to by others, PENDING_LINK, MERGE_CONFLICT).",
  "413": "The body is larger than the limit (PAYLOAD_TOO_LARGE).",
  "415": "A write without a bearer token whose body is not application/json (UNSUPPORTED_MEDIA_TYPE).",
  "422": "The request is understood but cannot be processed.",
  "423": "A signed clinical record past its edit window (RECORD_LOCKED).",
  "429": "Too many requests (RATE_LIMITED, with Retry-After).",
  "503": "A dependency is down (the database): the answer says which.",
};

/** The error statuses of an operation: those of its kind (input, auth, body) and those its contract lists. */
export function errorStatusesOf(op: Operation): string[] {
  const statuses = new Set<string>(["400"]);
  if (op.permission) statuses.add("401").add("403");
  if (op.path.includes("{")) statuses.add("404");
  if (op.body || op.form) statuses.add("413").add("415");
  for (const s of op.errors ?? []) statuses.add(String(s));
  return [...statuses].sort();
}

// The Idempotency-Key header (lib/server/idempotency.ts) on the operations marked `idempotent`.
const IDEMPOTENCY_PARAMETER = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Makes a retry safe (IETF draft-ietf-httpapi-idempotency-key-header): any unique value of 1 to 255 visible ASCII characters (a UUID v4), chosen by the client per operation and reused only to retry that same request. Keys are the caller's own and last 24 hours. The same key and the same request (method, path and body) within them returns the first answer, status and body, with `Idempotent-Replayed: true`, without doing the operation again; kept answers are successes and refusals by the rules (403, 404, 409, 422, 423), while 400, 413, 429 and 5xx are not kept, so the key may be sent again. A changed request needs a new key.",
  schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
  example: "4f1c2a8e-0b7d-4d5e-9a61-3c2f8e9b7a10",
};
const IDEMPOTENCY_ERRORS: Record<string, string> = {
  "409": "IDEMPOTENCY_KEY_IN_USE: the first request with this Idempotency-Key is still running (Retry-After).",
  "422": "IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used with a different request.",
};

const QUERY_DESCRIPTIONS: Record<string, { description: string; schema: Json }> = {
  q: { description: "Search text.", schema: { type: "string", maxLength: 200 } },
  page: { description: "Page number, from 1.", schema: { type: "integer", minimum: 1, default: 1 } },
  pageSize: {
    description: "Items per page, at most 100.",
    schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
  },
  sort: { description: "A field name; a leading '-' sorts descending.", schema: { type: "string" } },
  period: {
    description: "A fixed, completed reporting period: a month (2026-11), a quarter (2026-Q3) or a year (2026).",
    schema: { type: "string", pattern: "^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$" },
  },
};

/** A zod schema as JSON Schema 2020-12 (the input side: what a client sends). */
export function jsonSchemaOf(schema: z.ZodType): Json {
  const out = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Json;
  delete out.$schema;
  return out;
}

/** A zod schema as JSON Schema 2020-12, the output side: what a client receives. */
export function responseSchemaOf(schema: z.ZodType): Json {
  const out = z.toJSONSchema(schema, { io: "output", unrepresentable: "any", target: "draft-2020-12" }) as Json;
  delete out.$schema;
  return out;
}

/** A list's schema: the one ListEnvelope, its items (and any extra fields, e.g. counts) typed. */
function listSchema(op: Operation): Json {
  if (!op.response)
    return op.responseRef
      ? {
          allOf: [
            ref("ListEnvelope"),
            { type: "object", properties: { items: { type: "array", items: ref(op.responseRef) } } },
          ],
        }
      : ref("ListEnvelope");
  const whole = responseSchemaOf(op.response) as { properties?: Record<string, Json>; required?: string[] };
  const { total: _t, page: _p, pageSize: _s, ...rest } = whole.properties ?? {};
  const required = (whole.required ?? []).filter((k) => !["items", "total", "page", "pageSize"].includes(k));
  return {
    allOf: [ref("ListEnvelope"), { type: "object", properties: rest, ...(required.length ? { required } : {}) }],
  };
}

function queryParameters(op: Operation): Json[] {
  if (!op.query) return [];
  return Object.entries(op.query.shape).map(([name, schema]) => {
    const known = QUERY_DESCRIPTIONS[name];
    const zodSchema = schema as z.ZodType;
    return {
      name,
      in: "query",
      required: !zodSchema.safeParse(undefined).success,
      ...(known ?? {
        ...(zodSchema.description ? { description: zodSchema.description } : {}),
        schema: jsonSchemaOf(zodSchema),
      }),
    };
  });
}

function operationObject(op: Operation): Json {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const parameters = [
    ...pathParams.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
    ...queryParameters(op),
    ...(op.idempotent ? [IDEMPOTENCY_PARAMETER] : []),
  ];
  const status = String(op.status ?? 200);
  const errors: Record<string, { description: string; content: Json }> = Object.fromEntries(
    errorStatusesOf(op).map((code) => [
      code,
      { description: ERROR_STATUSES[code] ?? "An error.", content: { "application/json": { schema: ref("Error") } } },
    ]),
  );
  if (op.form) {
    errors["413"] = {
      description: "The body is larger than the route's limit (PAYLOAD_TOO_LARGE).",
      content: { "application/json": { schema: ref("Error") } },
    };
    errors["415"] = {
      description:
        "Not multipart/form-data, or a file that is not one of the accepted types by its content (UNSUPPORTED_MEDIA_TYPE).",
      content: { "application/json": { schema: ref("Error") } },
    };
  }
  if (op.idempotent) {
    for (const [code, description] of Object.entries(IDEMPOTENCY_ERRORS)) {
      errors[code] = {
        description: errors[code] ? `${errors[code].description} ${description}` : description,
        content: { "application/json": { schema: ref("Error") } },
      };
    }
  }
  const permission = op.permission
    ? `Permission \`${op.permission}\` (${PERMISSIONS[op.permission].roles.join(", ")}).`
    : "Public.";
  const scopes = `Token scopes: full${op.scopes?.length ? `, ${op.scopes.join(", ")}` : ""}.`;
  const jsonSchema = op.list
    ? listSchema(op)
    : op.response
      ? responseSchemaOf(op.response)
      : op.responseRef
        ? ref(op.responseRef)
        : { type: "object" };
  const types = op.produces ?? ["application/json"];
  const success = (noBody: boolean): Json => ({
    description: noBody ? "Done; no body." : op.list ? "A page of results." : "Success.",
    ...(noBody
      ? {}
      : {
          content: Object.fromEntries(
            types.map((type) =>
              type === "application/json"
                ? [
                    type,
                    {
                      schema: jsonSchema,
                      ...(op.examples?.response !== undefined ? { example: op.examples.response } : {}),
                    },
                  ]
                : [type, { schema: { type: "string", contentMediaType: type } }],
            ),
          ),
        }),
  });
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: `${permission} ${op.permission ? scopes : ""}`.trim(),
    "x-permission": op.permission,
    ...(op.permission ? {} : { security: [] }),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: !("emptyBody" in op),
            content: {
              "application/json": {
                schema: jsonSchemaOf(op.body),
                ...(op.examples?.request !== undefined ? { example: op.examples.request } : {}),
              },
            },
          },
        }
      : {}),
    ...(op.form
      ? { requestBody: { required: true, content: { "multipart/form-data": { schema: ref(op.form) } } } }
      : {}),
    responses: {
      ...Object.fromEntries(
        [status, ...(op.otherStatuses ?? []).map(String)].map((code) => [code, success(code === "204")]),
      ),
      ...errors,
    },
  };
}

/** What each tag groups (the document's tag descriptions). */
const TAG_DESCRIPTIONS: Record<string, string> = {
  admin: "The data browser: read-only lists and records of every browsable entity.",
  admissions: "Inpatient stays: admit, transfer, discharge.",
  appointments: "Booking, rescheduling and the visit's lifecycle (check-in, completion, cancellation, no-show).",
  audit: "The audit trail of reads and writes.",
  auth: "Sign-in tokens, self-registration, email confirmation and the caller's own account.",
  beds: "Beds and their state (free, occupied, cleaning, out of service).",
  consultations: "Consultation notes and diagnoses, signing and addenda.",
  departments: "The hospital's departments.",
  doctors: "Doctors, their weekly availability and bookable slots.",
  documents: "Documents attached to a chart (PDF and images).",
  drugs: "The drug catalogue and its stock (batches, expiry).",
  exports: "Background exports (CSV) and their download.",
  icd10: "The ICD-10 codes the diagnosis picker offers.",
  invoices: "Invoices, their lines, PDFs and voiding.",
  "lab-orders": "Lab orders, results, amendments, reviews and the lab catalogue.",
  meta: "Status, health, metrics, counts and this document.",
  notifications: "The caller's in-app notifications.",
  patients: "Patient records, their history, vitals, nurse notes, duplicates and merges.",
  payments: "Payments, refunds and receipts.",
  prescriptions: "Prescriptions, their PDF, revocation, safety overrides and dispensing.",
  "public-health": "Anonymised aggregate counts for public-health reporting.",
  reports: "Fixed reports and the report builder.",
  rooms: "Rooms within wards.",
  staff: "Staff accounts.",
  tokens: "Integration tokens (hms_…).",
  triage: "Triage suggestions: department and planned stay from a described problem.",
  wards: "Wards and their occupancy.",
};

export function openApiDocument(operations: readonly Operation[]): Json {
  const paths: Record<string, Json> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  const tags = [...new Set(operations.map((o) => o.tag))]
    .sort()
    .map((name) => ({ name, ...(TAG_DESCRIPTIONS[name] ? { description: TAG_DESCRIPTIONS[name] } : {}) }));
  return {
    openapi: "3.1.0",
    info: {
      title: `${env().HOSPITAL_NAME} API`,
      version: "1",
      contact: { name: `${env().HOSPITAL_NAME} IT`, url: appUrl() },
      // The project is not published under an open licence (package.json: private).
      license: { name: "Proprietary: all rights reserved" },
      description:
        "The REST API of the hospital management system. Errors always have the Error shape; lists the ListEnvelope shape. Money is always an integer number of minor units of the hospital's one currency (cents for USD: 4500 means 45.00), in requests and responses; the web pages show and take currency units.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }, { session: [] }],
    tags,
    paths,
    components: {
      schemas: COMPONENT_SCHEMAS,
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "A token from POST /auth/token, or an integration token (hms_…) from /admin/tokens.",
        },
        // __Secure-next-auth.session-token when the public URL is https (lib/server/auth-cookies.ts).
        session: { type: "apiKey", in: "cookie", name: sessionCookieName() },
      },
    },
  };
}
