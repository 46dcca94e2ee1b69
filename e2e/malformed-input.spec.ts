import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { USERS, apiToken, bearer } from "./fixtures";

// Issue 15 acceptance: every operation of the OpenAPI document, as an admin (and anonymously for
// the public ones), with NUL, lone UTF-16 surrogates, malformed %-escapes in the path and the query,
// wrong types, nulls for every body field, bodies that are not objects, malformed and oversized
// bodies. No answer may be a 5xx, and no row of any app table may be written.
//
// Path ids are made up, so an operation that gets past validation answers 404 and writes nothing.
// The walk (~2,000 requests) runs sequentially against one server: about 2 minutes on a busy machine.
// The malformed %-escape cases in the path (`/patients/%ZZ`, `%ED%A0%80`) are answered by the custom
// server (scripts/web-server.mjs) with 400 BAD_REQUEST_PATH before Next, whose own answer is a plain 500.

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; anyOf?: Schema[]; items?: Schema };
type Param = { name: string; in: "path" | "query" | "header"; schema?: Schema };
type Operation = {
  parameters?: Param[];
  security?: unknown[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
};
type Doc = { paths: Record<string, Record<string, Operation>> };

const BASE = "/api/v1";
const MISSING_ID = "e2e-no-such-record";
// Raw JSON text: a lone surrogate can only be sent escaped (UTF-8 cannot encode it).
const LONE = "\\ud800";

// Query text that is odd but valid: URLSearchParams reads "%ZZ%" literally and a %-encoded surrogate
// as U+FFFD, so a read without a path id may answer 200 (it still may not write).
// Likewise a double-encoded NUL in the path: Next decodes the path once, so the id is the text "%00".
const MAY_SUCCEED = new Set([
  "encoded lone surrogate in the query",
  "malformed %-escapes in the query",
  "double-encoded NUL in the path",
]);
// The health probe reads no input at all (a load balancer's own query must not fail it).
const READS_NO_INPUT = new Set(["get /status"]);

type Case = { name: string; path: string; query?: string; body?: string; contentType?: string };

/** The operation's path with each `{param}` replaced (already %-encoded text). */
const fill = (path: string, value: string) => BASE + path.replace(/\{[^}]+\}/g, value);

function queryCases(op: Operation): { name: string; query: string }[] {
  const params = (op.parameters ?? []).filter((p) => p.in === "query");
  const all = (v: string) => [...params.map((p) => `${encodeURIComponent(p.name)}=${v}`), `zz=${v}`].join("&");
  const cases = [
    { name: "NUL in every query parameter", query: all("%00") },
    { name: "NUL in a parameter name", query: "a%00b=1" },
    { name: "encoded lone surrogate in the query", query: all("%ED%A0%80") },
    { name: "malformed %-escapes in the query", query: all("%ZZ%") },
  ];
  const ints = params.filter((p) => p.schema?.type === "integer");
  for (const bad of ["1e1", "true", "-1", "99999999999999999999", "1.5", "%20"]) {
    if (ints.length)
      cases.push({ name: `integer query parameters = ${bad}`, query: ints.map((p) => `${p.name}=${bad}`).join("&") });
  }
  return cases;
}

/** Every property of the body's schema set to one value (JSON text). */
function everyField(schema: Schema | undefined, value: string): string {
  const names = Object.keys(schema?.properties ?? {});
  const keys = names.length ? names : ["name"];
  return `{${keys.map((k) => `${JSON.stringify(k)}:${value}`).join(",")}}`;
}

function bodyCases(schema: Schema | undefined): { name: string; body: string; contentType?: string }[] {
  const nestedNul = JSON.stringify({ items: [{ a: "x\u0000" }], lines: [{ description: "\u0000" }] });
  return [
    { name: "NUL in every field", body: everyField(schema, JSON.stringify("a\u0000b")) },
    { name: "lone surrogate in every field", body: everyField(schema, `"a${LONE}"`) },
    { name: "lone low surrogate in every field", body: everyField(schema, `"\\udc00x"`) },
    { name: "NUL deep inside arrays", body: nestedNul },
    { name: "NUL in a key", body: `{"a\\u0000":1}` },
    { name: "null for every field", body: everyField(schema, "null") },
    { name: "true for every field", body: everyField(schema, "true") },
    { name: "[1] for every field", body: everyField(schema, "[1]") },
    { name: "{} for every field", body: everyField(schema, "{}") },
    { name: "1 for every field", body: everyField(schema, "1") },
    { name: "huge number for every field", body: everyField(schema, "1e400") },
    { name: "empty string for every field", body: everyField(schema, '""') },
    { name: "body null", body: "null" },
    { name: "body an array", body: "[]" },
    { name: "body a string", body: '"x"' },
    { name: "body a number", body: "1" },
    { name: "malformed JSON", body: '{"a":' },
    { name: "empty body", body: "" },
    { name: "deeply nested JSON", body: "[".repeat(100_000) + "]".repeat(100_000) },
    { name: "oversized body (2 MB)", body: JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) }) },
    { name: "not JSON content type", body: "name=x", contentType: "text/plain" },
  ];
}

function casesFor(path: string, method: string, op: Operation): Case[] {
  const target = fill(path, MISSING_ID);
  const cases: Case[] = [];
  if (path.includes("{")) {
    cases.push({ name: "NUL in the path", path: fill(path, "a%00b") });
    cases.push({ name: "encoded lone surrogate in the path", path: fill(path, "%ED%A0%80") });
    cases.push({ name: "malformed %-escape in the path", path: fill(path, "%ZZ") });
    cases.push({ name: "truncated %-escape in the path", path: fill(path, "a%") });
    cases.push({ name: "double-encoded NUL in the path", path: fill(path, "%2500") });
  }
  for (const q of queryCases(op)) cases.push({ name: q.name, path: target, query: q.query });
  const json = op.requestBody?.content["application/json"];
  if (json && method !== "get") for (const b of bodyCases(json.schema)) cases.push({ ...b, path: target });
  return cases;
}

async function countRows(client: pg.Client): Promise<Record<string, number>> {
  const { rows: tables } = await client.query<{ t: string }>(
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  const { rows } = await client.query<{ t: string; n: string }>(
    tables.map(({ t }) => `SELECT '${t}' AS t, count(*) AS n FROM "${t}"`).join(" UNION ALL "),
  );
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

async function send(request: APIRequestContext, method: string, c: Case, headers: Record<string, string>) {
  const url = c.query ? `${c.path}?${c.query}` : c.path;
  const res = await request.fetch(url, {
    method: method.toUpperCase(),
    headers: { ...headers, ...(c.body !== undefined ? { "Content-Type": c.contentType ?? "application/json" } : {}) },
    ...(c.body !== undefined ? { data: c.body } : {}),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const text = await res.text().catch(() => "");
  return { status: res.status(), text };
}

test("every operation answers malformed input with a 4xx and writes nothing", async ({ request }) => {
  test.setTimeout(8 * 60_000);
  const { token } = await apiToken(request, USERS.ADMIN);
  const doc = (await (await request.get(`${BASE}/openapi.json`)).json()) as Doc;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const before = await countRows(client);
    const failures: string[] = [];
    let sent = 0;
    let operations = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        operations++;
        const callers: [string, Record<string, string>][] = [["admin", bearer(token)]];
        if (Array.isArray(op.security) && op.security.length === 0) callers.push(["anonymous", {}]);
        for (const [who, headers] of callers) {
          for (const c of casesFor(path, method, op)) {
            const { status, text } = await send(request, method, c, headers);
            sent++;
            const maySucceed = method === "get" && (MAY_SUCCEED.has(c.name) || READS_NO_INPUT.has(`${method} ${path}`));
            if (status >= 500 || (status < 400 && !maySucceed)) {
              failures.push(`${method.toUpperCase()} ${path} [${who}] ${c.name}: ${status} ${text.slice(0, 160)}`);
            }
          }
        }
      }
    }
    const after = await countRows(client);
    const written = Object.keys(after)
      .filter((t) => after[t] !== before[t])
      .map((t) => `${t}: ${before[t]} → ${after[t]}`);
    console.log(
      `malformed-input walk: ${operations} operations, ${sent} requests, ${failures.length} failures, tables changed: ${written.length}`,
    );
    expect(operations).toBeGreaterThan(100);
    expect(failures, failures.join("\n")).toEqual([]);
    expect(written, written.join("\n")).toEqual([]);
  } finally {
    await client.end();
  }
});
