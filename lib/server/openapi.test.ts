import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { OPERATIONS } from "@/lib/api/operations";
import { openApiDocument } from "./openapi";

const API_DIR = path.resolve(import.meta.dirname, "../../app/api/v1");

/** Every route file under app/api/v1 as "METHOD /path" with {param} placeholders. */
function routesOnDisk(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name === "route.ts") {
        const route = `/${path
          .relative(API_DIR, dir)
          .split(path.sep)
          .join("/")
          .replace(/\[(\w+)\]/g, "{$1}")}`;
        for (const m of readFileSync(full, "utf8").matchAll(
          /export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g,
        ))
          found.push(`${m[1]} ${route}`);
      }
    }
  };
  walk(API_DIR);
  return found.sort();
}

/** Each route file's exported methods and the operation each is built from (`apiRoute(ops.x, …)`). */
function routeOperations(): { route: string; file: string; opKey: string | null }[] {
  const found: { route: string; file: string; opKey: string | null }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name === "route.ts") {
        const route =
          "/" +
          path
            .relative(API_DIR, dir)
            .split(path.sep)
            .join("/")
            .replace(/\[(\w+)\]/g, "{$1}");
        const text = readFileSync(full, "utf8");
        for (const m of text.matchAll(
          /export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b( = (?:apiRoute|publicRoute)\(\s*ops\.(\w+),)?/g,
        )) {
          found.push({ route: `${m[1]} ${route}`, file: full, opKey: m[3] ?? null });
        }
      }
    }
  };
  walk(API_DIR);
  return found;
}

describe("one contract per operation", () => {
  it("every route file's exported method is built from exactly one operation, its own, and every operation has its route", () => {
    const byId = new Map(OPERATIONS.map((op) => [op.operationId, op]));
    expect(byId.size, "two operations with the same method and path").toBe(OPERATIONS.length);
    const routes = routeOperations();
    expect(
      routes.filter((r) => r.opKey === null).map((r) => r.route),
      "build these with apiRoute(ops.x, …) or publicRoute(ops.x, …)",
    ).toEqual([]);
    // The key a route names is its operation's id, and that operation's method and path are the route's own.
    for (const r of routes) {
      const op = byId.get(r.opKey!);
      expect(op, `${r.route}: ops.${r.opKey} is no operation`).toBeDefined();
      expect(`${op!.method} ${op!.path}`, r.file).toBe(r.route);
    }
    const used = routes.map((r) => r.opKey).sort();
    expect(new Set(used).size, "an operation used by two routes").toBe(used.length);
    expect(
      OPERATIONS.map((op) => op.operationId).filter((id) => !used.includes(id)),
      "operations no route is built from",
    ).toEqual([]);
  });

  it("every operation names a permission of the table (or none: public) and public ones use publicRoute", () => {
    for (const r of routeOperations()) {
      const op = OPERATIONS.find((o) => o.operationId === r.opKey)!;
      const kind = readFileSync(r.file, "utf8").includes(`publicRoute(ops.${r.opKey},`) ? "public" : "api";
      expect(kind, r.route).toBe(op.permission === null ? "public" : "api");
    }
  });
});

describe("server actions exposing an operation's use case", () => {
  it("take their permission and input schema from the operation's contract", () => {
    const ROOT = path.resolve(import.meta.dirname, "../..");
    const pairs: [string, string][] = [
      ["lib/scheduling/actions.ts", "postAppointments"],
      ["app/(app)/patients/actions.ts", "postPatients"],
      ["app/(app)/prescriptions/actions.ts", "postPrescriptions"],
      ["lib/wards/bed-actions.ts", "postAdmissions"],
      ["app/(app)/pharmacy/actions.ts", "postDrugs"],
      ["lib/wards/admin-actions.ts", "postWards"],
      ["lib/wards/admin-actions.ts", "postRooms"],
      ["lib/wards/admin-actions.ts", "postBeds"],
      ["app/(app)/admin/staff/actions.ts", "postStaff"],
      ["app/(app)/admin/departments/actions.ts", "postDepartments"],
      ["app/(app)/admin/tokens/actions.ts", "postTokens"],
    ];
    for (const [file, key] of pairs) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      // Whitespace-tolerant: the formatter may wrap the call over several lines.
      expect(text, `${file}: defineAction from ops.${key}`).toMatch(
        new RegExp(
          `defineAction\\(\\s*\\{\\s*permission: (\\w+)\\.${key}\\.permission,\\s*schema: \\1\\.${key}\\.body,?\\s*\\}`,
        ),
      );
      expect(OPERATIONS.find((o) => o.operationId === key)?.body, key).toBeDefined();
    }
  });
});

describe("OpenAPI document", () => {
  const doc = openApiDocument(OPERATIONS) as {
    paths: Record<string, Record<string, { summary: string; "x-permission": string | null }>>;
  };

  it("lists every route and method under app/api/v1, and nothing else", () => {
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    const onDisk = routesOnDisk();
    expect(onDisk.length).toBeGreaterThan(80);
    expect(
      onDisk.filter((r) => !documented.includes(r)),
      "declare these in their domain's lib/<domain>/contract.ts",
    ).toEqual([]);
    expect(
      documented.filter((r) => !onDisk.includes(r)),
      "documented but no route file exports them",
    ).toEqual([]);
  });

  it("documents the Idempotency-Key header on exactly the routes that honour it, the creating POSTs among them", () => {
    const honoured = routesOnDisk()
      .filter((r) => r.startsWith("POST "))
      .filter((r) => OPERATIONS.some((op) => `${op.method} ${op.path}` === r && op.idempotent))
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => [`${m.toUpperCase()} ${p}`, op] as const))
      .filter(([, op]) =>
        ((op as { parameters?: { name: string; in: string }[] }).parameters ?? []).some(
          (x) => x.name === "Idempotency-Key" && x.in === "header",
        ),
      )
      .map(([r]) => r)
      .sort();
    expect(documented).toEqual(honoured);
    for (const r of [
      "POST /appointments",
      "POST /admissions",
      "POST /prescriptions",
      "POST /prescriptions/{id}/dispense",
      "POST /payments",
      "POST /patients",
    ])
      expect(honoured).toContain(r);
    const book = doc.paths["/appointments"].post as unknown as { responses: Record<string, { description: string }> };
    expect(book.responses["422"].description).toContain("IDEMPOTENCY_KEY_REUSED");
    expect(book.responses["409"].description).toContain("IDEMPOTENCY_KEY_IN_USE");
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(doc)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // The validator does refuse a broken document (a response without its description).
    const broken = JSON.parse(JSON.stringify(doc));
    delete broken.paths["/status"].get.responses["200"].description;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("describes bodies from the routes' zod schemas, the error shape and list envelopes", () => {
    const post = doc.paths["/patients"].post as unknown as {
      requestBody: {
        content: { "application/json": { schema: { required: string[]; properties: Record<string, unknown> } } };
      };
    };
    const body = post.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(expect.arrayContaining(["firstName", "lastName", "dateOfBirth", "sex"]));
    const list = doc.paths["/patients"].get as unknown as {
      responses: Record<
        string,
        {
          content: {
            "application/json": {
              schema: {
                $ref: string;
                allOf: { $ref?: string; properties?: { items?: { items?: { required?: string[] } } } }[];
              };
            };
          };
        }
      >;
    };
    // The one envelope, its items typed.
    const listSchema = list.responses["200"].content["application/json"].schema;
    expect(listSchema.allOf[0].$ref).toBe("#/components/schemas/ListEnvelope");
    expect(listSchema.allOf[1].properties?.items?.items?.required).toEqual(
      expect.arrayContaining(["id", "mrn", "firstName"]),
    );
    expect(list.responses["400"].content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
    expect(doc.paths["/patients"].get["x-permission"]).toBe("patient.list");
    expect(doc.paths["/status"].get["x-permission"]).toBeNull();
  });

  type Op = {
    parameters?: { name: string; in: string; required: boolean }[];
    responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
  };
  const op = (p: string, m = "get") => (doc.paths[p] as unknown as Record<string, Op>)[m];

  it("documents the real content types: PDFs, CSV downloads, JSON or CSV reports, Prometheus text", () => {
    for (const p of ["/prescriptions/{id}/pdf", "/invoices/{id}/pdf", "/payments/{id}/receipt"])
      expect(Object.keys(op(p).responses["200"].content!), p).toEqual(["application/pdf"]);
    for (const p of ["/exports/{id}/download", "/reports/builder/csv"])
      expect(Object.keys(op(p).responses["200"].content!), p).toEqual(["text/csv"]);
    for (const p of ["/reports/{name}", "/reports/revenue", "/public-health/aggregates"])
      expect(Object.keys(op(p).responses["200"].content!).sort(), p).toEqual(["application/json", "text/csv"]);
    expect(Object.keys(op("/metrics").responses["200"].content!)).toEqual(["text/plain"]);
  });

  it("lists the error statuses each operation can return, not every status on every operation", () => {
    const statuses = (p: string, m = "get") =>
      Object.keys(op(p, m).responses)
        .filter((s) => s >= "400")
        .sort();
    expect(statuses("/auth/token", "post")).toEqual(expect.arrayContaining(["401", "429"]));
    expect(statuses("/status")).toEqual(["400", "503"]);
    expect(statuses("/patients")).toEqual(["400", "401", "403"]);
    expect(statuses("/consultations/{id}", "patch")).toEqual(expect.arrayContaining(["404", "423"]));
    expect(statuses("/appointments", "post")).toEqual(expect.arrayContaining(["409", "422"]));
    expect(statuses("/patients/{id}")).not.toContain("409");
  });

  it("marks required query parameters and documents the reports' from and to", () => {
    const params = (p: string) =>
      Object.fromEntries((op(p).parameters ?? []).filter((x) => x.in === "query").map((x) => [x.name, x.required]));
    expect(params("/public-health/aggregates")).toMatchObject({ period: true, groupBy: true, format: false });
    expect(params("/reports/{name}")).toMatchObject({ from: false, to: false });
    expect(params("/reports/revenue")).toMatchObject({ from: false, to: false, doctorId: false });
  });

  it("describes every list with the one envelope, the six that did not use it included", () => {
    const lists = OPERATIONS.filter((o) => o.list);
    for (const p of ["/exports", "/icd10", "/lab-tests", "/tokens", "/doctors/{id}/slots", "/reports/builder/entities"])
      expect(lists.map((o) => o.path)).toContain(p);
    for (const o of lists) {
      const schema = op(o.path, o.method.toLowerCase()).responses[String(o.status ?? 200)].content!["application/json"]
        .schema as { $ref?: string; allOf?: { $ref?: string }[] };
      expect(schema.$ref ?? schema.allOf?.[0].$ref, o.path).toBe("#/components/schemas/ListEnvelope");
    }
  });

  it("describes every JSON success answer of a GET (no bare object), and its examples match the schemas", () => {
    const bare = OPERATIONS.filter((o) => o.method === "GET" && !o.produces?.every((t) => t !== "application/json"))
      .filter(
        (o) =>
          JSON.stringify(op(o.path).responses["200"].content?.["application/json"]?.schema) ===
          JSON.stringify({ type: "object" }),
      )
      .map((o) => o.path);
    expect(bare).toEqual([]);
    const withExamples = OPERATIONS.filter((o) => o.examples);
    expect(withExamples.length).toBeGreaterThanOrEqual(5);
    for (const o of withExamples) {
      if (o.examples?.request !== undefined)
        expect(o.body!.safeParse(o.examples.request).success, `${o.method} ${o.path} request example`).toBe(true);
      if (o.examples?.response !== undefined)
        expect(o.response!.safeParse(o.examples.response).success, `${o.method} ${o.path} response example`).toBe(true);
    }
  });

  it("describes every success answer of every operation (no bare object): a JSON schema with its fields, or 204 with no body", () => {
    /** A schema that says nothing of the body's fields: `{}`, or an object without properties. */
    const bare = (schema: Record<string, unknown> | undefined): boolean => {
      if (!schema || Object.keys(schema).length === 0) return true;
      if (schema.$ref || schema.allOf || schema.anyOf || schema.oneOf) return false;
      return schema.type === "object" && !schema.properties && !schema.additionalProperties;
    };
    const found: string[] = [];
    for (const o of OPERATIONS) {
      const responses = op(o.path, o.method.toLowerCase()).responses;
      const successes = Object.keys(responses).filter((s) => s < "300");
      expect(successes.sort(), `${o.method} ${o.path}`).toEqual(
        [o.status ?? 200, ...(o.otherStatuses ?? [])].map(String).sort(),
      );
      for (const status of successes) {
        const content = responses[status].content;
        if (status === "204") {
          expect(content, `${o.method} ${o.path}: 204 has no body`).toBeUndefined();
          continue;
        }
        expect(content, `${o.method} ${o.path} ${status}`).toBeDefined();
        const json = content!["application/json"];
        if (json && bare(json.schema)) found.push(`${o.method} ${o.path} ${status}`);
      }
    }
    expect(found).toEqual([]);
    // The check does see a bare object: an operation without its response schema is one.
    const { response: _r, ...without } = OPERATIONS.find((o) => o.operationId === "postWards")!;
    const plain = openApiDocument([without]) as {
      paths: Record<
        string,
        { post: { responses: Record<string, { content: Record<string, { schema: Record<string, unknown> }> }> } }
      >;
    };
    expect(bare(plain.paths["/wards"].post.responses["201"].content["application/json"].schema)).toBe(true);
  });

  it("documents the second success status of an operation that has one, with the same body", () => {
    for (const [p, first, second] of [
      ["/drugs/{id}/stock", "201", "200"],
      ["/prescriptions/{id}/override-acknowledgement", "201", "200"],
    ] as const) {
      const responses = op(p, "post").responses;
      expect(responses[second]?.content?.["application/json"]?.schema, p).toEqual(
        responses[first].content!["application/json"].schema,
      );
    }
    expect(Object.keys(op("/staff/{id}", "delete").responses)).toContain("204");
  });

  it("has tag descriptions, a contact and a licence", () => {
    const d = doc as unknown as {
      tags: { name: string; description?: string }[];
      info: { contact?: { name: string }; license?: { name: string } };
    };
    expect(d.tags.filter((t) => !t.description).map((t) => t.name)).toEqual([]);
    expect(d.info.contact?.name).toBeTruthy();
    expect(d.info.license?.name).toBeTruthy();
  });
});
