import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
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
        const route = `/${path.relative(API_DIR, dir).split(path.sep).join("/").replace(/\[(\w+)\]/g, "{$1}")}`;
        for (const m of readFileSync(full, "utf8").matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${m[1]} ${route}`);
      }
    }
  };
  walk(API_DIR);
  return found.sort();
}

describe("OpenAPI document", () => {
  const doc = openApiDocument() as { paths: Record<string, Record<string, { summary: string; "x-permission": string | null }>> };

  it("lists every route and method under app/api/v1, and nothing else", () => {
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).sort();
    const onDisk = routesOnDisk();
    expect(onDisk.length).toBeGreaterThan(80);
    expect(onDisk.filter((r) => !documented.includes(r)), "add these to lib/server/openapi-routes.ts").toEqual([]);
    expect(documented.filter((r) => !onDisk.includes(r)), "documented but no route file exports them").toEqual([]);
  });

  it("documents the Idempotency-Key header on exactly the routes that honour it, the creating POSTs among them", () => {
    const honoured = routesOnDisk()
      .filter((r) => r.startsWith("POST "))
      .filter((r) => /apiRoute[^]*\{\s*idempotent: true\s*\},?\s*\);/.test(readFileSync(path.join(API_DIR, r.slice(6).replace(/\{(\w+)\}/g, "[$1]"), "route.ts"), "utf8")))
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => [`${m.toUpperCase()} ${p}`, op] as const))
      .filter(([, op]) => ((op as { parameters?: { name: string; in: string }[] }).parameters ?? []).some((x) => x.name === "Idempotency-Key" && x.in === "header"))
      .map(([r]) => r)
      .sort();
    expect(documented).toEqual(honoured);
    for (const r of ["POST /appointments", "POST /admissions", "POST /prescriptions", "POST /prescriptions/{id}/dispense", "POST /payments", "POST /patients"]) expect(honoured).toContain(r);
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
    const post = doc.paths["/patients"].post as unknown as { requestBody: { content: { "application/json": { schema: { required: string[]; properties: Record<string, unknown> } } } } };
    const body = post.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(expect.arrayContaining(["firstName", "lastName", "dateOfBirth", "sex"]));
    const list = doc.paths["/patients"].get as unknown as { responses: Record<string, { content: { "application/json": { schema: { $ref: string } } } }> };
    expect(list.responses["200"].content["application/json"].schema.$ref).toBe("#/components/schemas/ListEnvelope");
    expect(list.responses["400"].content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
    expect(doc.paths["/patients"].get["x-permission"]).toBe("patient.list");
    expect(doc.paths["/status"].get["x-permission"]).toBeNull();
  });
});
