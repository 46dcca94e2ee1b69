import { z } from "zod";
import { sessionCookieName } from "./auth-cookies";
import { env } from "./env";
import { OPERATIONS, type Operation } from "./openapi-routes";
import { PERMISSIONS } from "./permissions";

// The OpenAPI 3.1 document of /api/v1, built from the registry in openapi-routes.ts and the same
// zod schemas the routes validate with (z.toJSONSchema speaks JSON Schema 2020-12, as 3.1 does).

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
          fields: { type: "object", additionalProperties: { type: "string" }, description: "Per-field messages (400 VALIDATION_FAILED)." },
          details: { type: "object", description: "Extra facts, e.g. safety findings or duplicate candidates." },
          correlationId: { type: "string" },
        },
      },
    },
  },
  Document: {
    type: "object",
    description: "A document on a chart (its bytes at `url`).",
    required: ["id", "patientId", "title", "category", "documentDate", "contentType", "byteSize", "fileName", "sharedWithPatient", "createdAt", "url"],
    properties: {
      id: { type: "string" },
      patientId: { type: "string" },
      title: { type: "string", maxLength: 200 },
      category: { type: "string", enum: ["referral", "result", "imaging", "consent", "other"] },
      documentDate: { type: "string", format: "date" },
      consentSignedOn: { type: ["string", "null"], format: "date", description: "Consent documents: the date signed." },
      contentType: { type: "string", enum: ["application/pdf", "image/jpeg", "image/png"], description: "From the file's content, not its name." },
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
      sharedWithPatient: { type: "string", enum: ["true", "false", "on"], description: "Shown to the patient on their own pages. Default false." },
      consultationId: { type: "string", description: "One of this patient's consultations." },
      admissionId: { type: "string", description: "One of this patient's admissions." },
      file: { type: "string", contentMediaType: "application/octet-stream", description: "PDF, JPEG or PNG (by content), at most DOCUMENT_MAX_BYTES." },
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
  "400": "Invalid input (VALIDATION_FAILED with fields — also for NUL or a lone surrogate in any text, and for an id that refers to no record — MALFORMED_JSON).",
  "401": "Not signed in, or the token is expired, revoked or its owner deactivated (UNAUTHENTICATED).",
  "403": "The role, or the token's scopes, may never do this (FORBIDDEN); or a write with the session cookie came from another site (CROSS_SITE_REQUEST).",
  "404": "Not found, or outside the caller's scope (NOT_FOUND).",
  "409": "A conflict (SLOT_TAKEN, BED_OCCUPIED, SAFETY_CHECK, INVALID_TRANSITION, TOO_EARLY / TOO_LATE: a visit checked in or completed outside its time, OUT_OF_STOCK, OVERRIDE_NOT_ACKNOWLEDGED, DUPLICATE, IN_USE: a record still referred to by others).",
  "415": "A write without a bearer token whose body is not application/json (UNSUPPORTED_MEDIA_TYPE).",
  "423": "A signed clinical record past its edit window (RECORD_LOCKED).",
  "429": "Too many requests (RATE_LIMITED, with Retry-After).",
};

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
  pageSize: { description: "Items per page, at most 100.", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
  sort: { description: "A field name; a leading '-' sorts descending.", schema: { type: "string" } },
  period: { description: "A fixed, completed reporting period: a month (2026-11), a quarter (2026-Q3) or a year (2026).", schema: { type: "string", pattern: "^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$" } },
};

/** A zod schema as JSON Schema 2020-12 (the input side: what a client sends). */
export function jsonSchemaOf(schema: z.ZodType): Json {
  const out = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Json;
  delete out.$schema;
  return out;
}

function operationObject(op: Operation): Json {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const parameters = [
    ...pathParams.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
    ...(op.query ?? []).map((name) => ({ name, in: "query", required: false, ...(QUERY_DESCRIPTIONS[name] ?? { schema: { type: "string" } }) })),
    ...(op.idempotent ? [IDEMPOTENCY_PARAMETER] : []),
  ];
  const status = String(op.status ?? 200);
  const errors = Object.fromEntries(
    Object.entries(ERROR_STATUSES)
      .filter(([code]) => (op.permission ? true : code !== "401" && code !== "403"))
      .filter(([code]) => code !== "400" || op.body || op.form || op.query?.length)
      .filter(([code]) => code !== "415" || op.body || op.form)
      .map(([code, description]) => [code, { description, content: { "application/json": { schema: ref("Error") } } }]),
  );
  if (op.form) {
    errors["413"] = { description: "The body is larger than the route's limit (PAYLOAD_TOO_LARGE).", content: { "application/json": { schema: ref("Error") } } };
    errors["415"] = { description: "Not multipart/form-data, or a file that is not one of the accepted types by its content (UNSUPPORTED_MEDIA_TYPE).", content: { "application/json": { schema: ref("Error") } } };
  }
  if (op.idempotent) {
    for (const [code, description] of Object.entries(IDEMPOTENCY_ERRORS)) {
      errors[code] = { description: errors[code] ? `${errors[code].description} ${description}` : description, content: { "application/json": { schema: ref("Error") } } };
    }
  }
  const permission = op.permission ? `Permission \`${op.permission}\` (${PERMISSIONS[op.permission].roles.join(", ")}).` : "Public.";
  const scopes = `Token scopes: full${op.scopes?.length ? `, ${op.scopes.join(", ")}` : ""}.`;
  return {
    operationId: `${op.method.toLowerCase()}${op.path.replace(/\{(\w+)\}/g, "By-$1").replace(/[^a-zA-Z0-9]+(.)/g, (_, c: string) => c.toUpperCase())}`,
    tags: [op.tag],
    summary: op.summary,
    description: `${permission} ${op.permission ? scopes : ""}`.trim(),
    "x-permission": op.permission,
    ...(op.permission ? {} : { security: [] }),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchemaOf(op.body) } } } } : {}),
    ...(op.form ? { requestBody: { required: true, content: { "multipart/form-data": { schema: ref(op.form) } } } } : {}),
    responses: {
      [status]: {
        description: op.list ? "A page of results." : "Success.",
        content: op.produces
          ? Object.fromEntries(op.produces.map((type) => [type, { schema: { type: "string", contentMediaType: type } }]))
          : {
              "application/json": {
                schema: op.list
                  ? op.response
                    ? { allOf: [ref("ListEnvelope"), { type: "object", properties: { items: { type: "array", items: ref(op.response) } } }] }
                    : ref("ListEnvelope")
                  : op.response ? ref(op.response) : { type: "object" },
              },
            },
      },
      ...errors,
    },
  };
}

export function openApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  const tags = [...new Set(OPERATIONS.map((o) => o.tag))].sort().map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    info: {
      title: `${env().HOSPITAL_NAME} API`,
      version: "1",
      description: "The REST API of the hospital management system. Errors always have the Error shape; lists the ListEnvelope shape. Money is always an integer number of minor units of the hospital's one currency (cents for USD: 4500 means 45.00), in requests and responses; the web pages show and take currency units.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }, { session: [] }],
    tags,
    paths,
    components: {
      schemas: COMPONENT_SCHEMAS,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A token from POST /auth/token, or an integration token (hms_…) from /admin/tokens." },
        // __Secure-next-auth.session-token when the public URL is https (lib/server/auth-cookies.ts).
        session: { type: "apiKey", in: "cookie", name: sessionCookieName() },
      },
    },
  };
}

export { OPERATIONS };
