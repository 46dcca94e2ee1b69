import { describe, expect, it } from "vitest";
import { abortedToBreakConflict, databaseUnavailable, retryingConflicts, toAppError } from "./errors-map";

// The shapes in which a lost database reaches us: pg's own errors, the driver adapter's kinds, and
// Prisma's wrappers around them (walked through cause and meta.driverAdapterError).
const adapter = (cause: Record<string, unknown>) =>
  Object.assign(new Error("Database error"), { name: "DriverAdapterError", cause });
const prisma = (code: string, driverAdapterError?: unknown) =>
  Object.assign(new Error("Invalid invocation"), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: driverAdapterError ? { driverAdapterError } : {},
  });

describe("databaseUnavailable", () => {
  it("knows a lost or refused connection", () => {
    const cases: unknown[] = [
      new Error("Connection terminated unexpectedly"),
      Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", errno: -104, syscall: "read" }),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("terminating connection due to administrator command"), {
        code: "57P01",
        severity: "FATAL",
      }),
      Object.assign(new Error("the database system is starting up"), { code: "57P03" }),
      Object.assign(new Error("connection failure"), { code: "08006" }),
      prisma("P2010", adapter({ kind: "postgres", code: "57P01", originalCode: "57P01" })),
      prisma("P1017"),
      prisma("P1001"),
      prisma("P2024"),
      adapter({ kind: "ConnectionClosed" }),
      adapter({ kind: "DatabaseNotReachable", host: "db", port: 5432 }),
      Object.assign(new Error("outer"), { cause: new Error("timeout exceeded when trying to connect") }),
    ];
    for (const e of cases) expect(databaseUnavailable(e), String((e as Error).message)).toBe("connection");
  });

  it("knows a cancelled statement", () => {
    expect(
      databaseUnavailable(prisma("P2010", adapter({ kind: "postgres", code: "57014", originalCode: "57014" }))),
    ).toBe("timeout");
    expect(
      databaseUnavailable(Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" })),
    ).toBe("timeout");
  });

  it("leaves everything else alone", () => {
    for (const e of [
      new Error("boom"),
      prisma("P2025"),
      prisma("P2002"),
      Object.assign(new Error("x"), { code: "22021" }),
      null,
      "text",
      42,
    ])
      expect(databaseUnavailable(e)).toBeNull();
  });

  it("makes them 503 with Retry-After and a correlation id", () => {
    const e = toAppError(new Error("Connection terminated unexpectedly"));
    expect([e.code, e.status, e.retryAfter]).toEqual(["SERVICE_UNAVAILABLE", 503, 1]);
    expect(e.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    const t = toAppError(Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }));
    expect([t.code, t.retryAfter]).toEqual(["SERVICE_UNAVAILABLE", 5]);
  });
});

describe("a statement aborted to break a deadlock", () => {
  const deadlock = () =>
    prisma(
      "P2010",
      adapter({ kind: "postgres", code: "40P01", originalCode: "40P01", originalMessage: "deadlock detected" }),
    );

  it("is known in each shape, and nothing else is", () => {
    expect(abortedToBreakConflict(deadlock())).toBe(true);
    expect(
      abortedToBreakConflict(
        Object.assign(new Error("could not serialize access due to concurrent update"), { code: "40001" }),
      ),
    ).toBe(true);
    for (const e of [
      prisma("P2002"),
      prisma("P2010", adapter({ kind: "postgres", code: "23P01" })),
      new Error("boom"),
      null,
    ])
      expect(abortedToBreakConflict(e)).toBe(false);
  });

  it("is run again until it answers, and not run again for anything else", async () => {
    let calls = 0;
    await expect(retryingConflicts(async () => (++calls < 3 ? Promise.reject(deadlock()) : "done"))).resolves.toBe(
      "done",
    );
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      retryingConflicts(async () => {
        calls++;
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      retryingConflicts(async () => {
        calls++;
        throw deadlock();
      }, 4),
    ).rejects.toMatchObject({ code: "P2010" });
    expect(calls).toBe(4);
  });

  it("is a 503 with Retry-After when it still fails, not a 500", () => {
    const e = toAppError(deadlock());
    expect([e.code, e.status, e.retryAfter]).toEqual(["SERVICE_UNAVAILABLE", 503, 1]);
  });
});
