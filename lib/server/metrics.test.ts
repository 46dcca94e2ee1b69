import { NextRequest } from "next/server";
import { defineOperation } from "@/lib/server/contract";
import { afterEach, describe, expect, it, vi } from "vitest";
import { publicRoute } from "./api";
import { AppError } from "./errors";
import { processMetricsText, routePattern } from "./metrics";
import { E } from "@/lib/i18n/error-keys";

describe("routePattern", () => {
  it("puts the parameters' names in place of their values", () => {
    expect(routePattern("/api/v1/patients/cm1abc/allergies", { id: "cm1abc" })).toBe("/api/v1/patients/[id]/allergies");
    expect(routePattern("/api/v1/appointments/a1/events/e2", { id: "a1", eventId: "e2" })).toBe(
      "/api/v1/appointments/[id]/events/[eventId]",
    );
    expect(routePattern("/api/v1/status", {})).toBe("/api/v1/status");
    // Next gives a static route no params object (undefined) in production.
    expect(routePattern("/api/v1/auth/token", undefined)).toBe("/api/v1/auth/token");
  });
  it("collapses a catch-all into one segment and decodes values", () => {
    expect(routePattern("/fhir/R4/Patient/p1", { path: ["Patient", "p1"] })).toBe("/fhir/R4/[...path]");
    expect(routePattern("/api/v1/x/a%20b", { q: "a b" })).toBe("/api/v1/x/[q]");
  });
});

const THING = defineOperation({
  method: "GET",
  path: "/things/{id}",
  tag: "test",
  summary: "A test route.",
  permission: null,
});

describe("the route helpers' request log and metrics", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  const ok = publicRoute(THING, async () => ({ ok: true }));
  const failing = publicRoute(THING, async () => {
    throw new Error("boom: patient Jane Doe");
  });
  const refused = publicRoute(THING, async () => {
    throw new AppError("NOT_FOUND", E.errors.notFound(E.errors.records.patient));
  });
  const call = (handler: typeof ok, id: string, headers: Record<string, string> = {}) =>
    handler(new NextRequest(`http://localhost/api/v1/things/${id}?q=Jane+Doe`, { headers }), {
      params: Promise.resolve({ id }),
    });

  it("logs one JSON line per request: id, method, route pattern, status, duration; never the path's ids or the query", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const out = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const res = await call(ok, "secret-id-123");
    expect(res.status).toBe(200);
    const lines = out.mock.calls.map((c) => JSON.parse(String(c[0])));
    const line = lines.find((l) => l.msg === "request");
    expect(line).toMatchObject({
      level: "info",
      method: "GET",
      route: "/api/v1/things/[id]",
      status: 200,
      actorId: null,
    });
    expect(line.requestId).toBe(res.headers.get("x-request-id"));
    expect(typeof line.durationMs).toBe("number");
    expect(JSON.stringify(lines)).not.toContain("secret-id-123");
    expect(JSON.stringify(lines)).not.toContain("Jane");
  });

  it("an error's correlation id is the request's id; a proxy's X-Request-Id is kept", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const err = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const res = await call(failing, "p1", { "x-request-id": "proxy-req-0001" });
    expect(res.status).toBe(500);
    expect(res.headers.get("x-request-id")).toBe("proxy-req-0001");
    expect((await res.json()).error.correlationId).toBe("proxy-req-0001");
    const lines = err.mock.calls.map((c) => JSON.parse(String(c[0])));
    expect(lines.find((l) => l.msg === "request")).toMatchObject({ requestId: "proxy-req-0001", status: 500 });
    expect(lines.find((l) => l.msg === "unexpected error")).toMatchObject({ correlationId: "proxy-req-0001" });
    // A header that is not a plain token is not taken: a new id instead.
    const other = await call(ok, "p1", { "x-request-id": "bad id\u0001" });
    expect(other.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a static route, whose params Next resolves to undefined, is answered and logged", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const out = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const handler = publicRoute(
      defineOperation({ method: "POST", path: "/auth/token", tag: "test", summary: "A test route.", permission: null }),
      async () => ({ ok: true }),
    );
    const res = await handler(new NextRequest("http://localhost/api/v1/auth/token"), {
      params: Promise.resolve(undefined as unknown as Record<string, string>),
    });
    expect(res.status).toBe(200);
    expect(out.mock.calls.map((c) => JSON.parse(String(c[0]))).find((l) => l.msg === "request")).toMatchObject({
      route: "/api/v1/auth/token",
      status: 200,
    });
  });

  it("counts requests and their durations by route pattern and status", async () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    await call(refused, "r1");
    await call(refused, "r2");
    const text = await processMetricsText();
    expect(text).toMatch(
      /hospital_http_requests_total\{method="GET",route="\/api\/v1\/things\/\[id\]",status="404"\} 2/,
    );
    expect(text).toMatch(
      /hospital_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/things\/\[id\]",status="404"\} 2/,
    );
    expect(text).not.toContain("r1");
  });
});

describe("LOG_LEVEL", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });
  it("warn leaves out the info lines (one per request), not the warnings", async () => {
    const { log } = await import("./log");
    vi.stubEnv("LOG_LEVEL", "warn");
    const out = vi.spyOn(console, "log").mockImplementation(() => undefined);
    log("info", "request", {});
    log("warn", "slow", {});
    expect(out.mock.calls.map((c) => JSON.parse(String(c[0])).msg)).toEqual(["slow"]);
  });
});
