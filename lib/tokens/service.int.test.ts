import { NextRequest } from "next/server";
import { defineOperation } from "@/lib/server/contract";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedUser } from "@/prisma/builders";
import { apiRoute } from "@/lib/server/api";
import { clock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";
import { GET as statsGet } from "@/app/api/v1/stats/route";
import { GET as tokensGet, POST as tokensPost } from "@/app/api/v1/tokens/route";
import { DELETE as tokenDelete } from "@/app/api/v1/tokens/[id]/route";

let authorization: string | null = null;
vi.mock("next/headers", () => ({ headers: async () => new Headers(authorization ? { authorization } : {}) }));

const PW = "pw-0123456789";
const noParams = { params: Promise.resolve({}) };
const req = (url: string, init?: { method?: string; body?: unknown }) =>
  new NextRequest(`http://localhost/api/v1${url}`, {
    method: init?.method ?? "GET",
    headers: { "content-type": "application/json" },
    body: init?.body ? JSON.stringify(init.body) : undefined,
  });

async function call<P>(
  bearer: string | null,
  handler: (r: NextRequest, c: { params: Promise<P> }) => Promise<Response>,
  r: NextRequest,
  params?: { params: Promise<P> },
) {
  authorization = bearer ? `Bearer ${bearer}` : null;
  const res = await handler(r, params ?? (noParams as { params: Promise<P> }));
  return { status: res.status, body: await res.json() };
}

/** A route accepting the public-health scope, like the aggregates route. */
const publicHealthRoute = apiRoute(
  defineOperation({
    method: "GET",
    path: "/public-health/test",
    tag: "test",
    summary: "A test route.",
    permission: "publichealth.read",
    scopes: ["public-health:read"],
  }),
  async () => ({ ok: true }),
);

describe("integration API tokens", () => {
  let adminJwt: string;

  beforeEach(async () => {
    await resetDatabase();
    vi.restoreAllMocks();
    const admin = await seedUser(db(), { email: "admin@h.org", name: "Admin", role: "ADMIN", password: PW });
    // A full token made straight in the service acts as the admin, to bootstrap the HTTP calls.
    const { createToken } = await import("./service");
    const { secret } = await createToken(
      db(),
      { actor: { id: admin.id, role: "ADMIN", name: "Admin", email: admin.email }, ip: null },
      { name: "bootstrap", scopes: ["full"] },
    );
    adminJwt = secret;
  });

  it("creates a token shown once, stores only its hash, and it works as a bearer until revoked", async () => {
    const made = await call(
      adminJwt,
      tokensPost,
      req("/tokens", { method: "POST", body: { name: "Reporting", scopes: ["full"] } }),
    );
    expect(made.status).toBe(201);
    expect(made.body.secret).toMatch(/^hms_[A-Za-z0-9_-]{40,}$/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: made.body.token.id } });
    expect(row.tokenHash).not.toContain(made.body.secret);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.lastUsedAt).toBeNull();

    const stats = await call(made.body.secret, statsGet, req("/stats"));
    expect(stats.status).toBe(200);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).not.toBeNull();

    const listed = await call(adminJwt, tokensGet, req("/tokens"));
    expect(JSON.stringify(listed.body)).not.toContain(made.body.secret);
    expect(JSON.stringify(listed.body)).not.toContain(row.tokenHash);
    expect(listed.body.items.find((t: { id: string }) => t.id === row.id).lastUsedAt).not.toBeNull();

    const revoked = await call(adminJwt, tokenDelete, req(`/tokens/${row.id}`, { method: "DELETE" }), {
      params: Promise.resolve({ id: row.id }),
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await call(made.body.secret, statsGet, req("/stats"))).status).toBe(401);
    expect(await db().auditEvent.count({ where: { entity: "ApiToken" } })).toBe(3);
  });

  it("a scoped token reaches only routes accepting its scope: others give 403", async () => {
    const made = await call(
      adminJwt,
      tokensPost,
      req("/tokens", { method: "POST", body: { name: "Ministry", scopes: ["public-health:read"] } }),
    );
    const secret = made.body.secret as string;
    expect((await call(secret, publicHealthRoute, req("/public-health/aggregates"))).status).toBe(200);
    const refused = await call(secret, statsGet, req("/stats"));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("FORBIDDEN");
    expect((await call(secret, tokensGet, req("/tokens"))).status).toBe(403);
  });

  it("refuses unknown, expired and deactivated owners' tokens with 401, and bad input field by field", async () => {
    expect((await call("hms_not-a-real-token", statsGet, req("/stats"))).status).toBe(401);
    const made = await call(
      adminJwt,
      tokensPost,
      req("/tokens", { method: "POST", body: { name: "Short", scopes: ["full"], expiresInDays: 1 } }),
    );
    vi.spyOn(clock, "now").mockReturnValue(new Date(Date.now() + 2 * 86_400_000));
    expect((await call(made.body.secret, statsGet, req("/stats"))).status).toBe(401);
    vi.restoreAllMocks();

    const bad = await call(
      adminJwt,
      tokensPost,
      req("/tokens", { method: "POST", body: { name: "", scopes: ["root"] } }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(["name", "scopes.0"]));
    expect(await db().apiToken.count()).toBe(2);

    await db().user.updateMany({ data: { active: false } });
    expect((await call(adminJwt, statsGet, req("/stats"))).status).toBe(401);
  });
});
