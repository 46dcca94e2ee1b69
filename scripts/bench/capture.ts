// The statements a request sends to PostgreSQL, captured so the floor server (floor-server.ts) can
// replay them through `pg`: the route's functions run in-process on a Prisma client with query
// logging (`$on("query")` works with the pg driver adapter: it gives each statement's text, its
// parameters as JSON, its start time and duration). Statements whose run times overlap were sent
// side by side (a Promise.all in the route) and form one group, replayed in parallel; groups are
// replayed one after another, in the order they started.
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { startFloorServer, stopServer } from "./common";

/** A parameter `{ $fresh: n }` is an id the request generated: the floor makes a new one per request. */
export type Statement = { text: string; values: unknown[] };
/** Groups in order; the statements of a group were in flight together. */
export type Capture = Statement[][];
/** What the floor answers: `${userId} ${path}` → the statements of that request. */
export type FloorScript = Record<string, Capture>;

type Logged = { text: string; values: unknown[]; start: number; end: number };

export function capturingDb(url: string) {
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 10 }),
    log: [{ emit: "event", level: "query" }],
  });
  let logged: Logged[] | null = null;
  prisma.$on("query", (e) => {
    const start = new Date(e.timestamp).getTime();
    logged?.push({ text: e.query, values: JSON.parse(e.params) as unknown[], start, end: start + e.duration });
  });
  return {
    prisma,
    /** Runs `fn` alone and returns what it sent, grouped. */
    async capture(fn: (p: PrismaClient) => Promise<unknown>): Promise<Capture> {
      logged = [];
      await fn(prisma);
      await new Promise((r) => setImmediate(r));
      const all = logged.sort((a, b) => a.start - b.start);
      logged = null;
      const groups: Capture = [];
      let end = -Infinity;
      for (const s of all) {
        if (s.start < end && groups.length) groups[groups.length - 1].push({ text: s.text, values: s.values });
        else groups.push([{ text: s.text, values: s.values }]);
        end = Math.max(end, s.end);
      }
      return freshIds(groups);
    },
    disconnect: () => prisma.$disconnect(),
  };
}

const ID = /^(?:[a-z0-9]{20,32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * Ids an INSERT sends that no earlier statement of the request read or sent (the audit row's id,
 * say) were made by the request: replayed as they are, they would collide with the first replay's
 * rows, so they become `{ $fresh: n }` and the floor makes new ones each time.
 */
function freshIds(groups: Capture): Capture {
  const seen = new Set<unknown>();
  const fresh = new Map<string, number>();
  return groups.map((group) => {
    const out = group.map((s) => ({
      text: s.text,
      values: /^\s*INSERT\b/i.test(s.text)
        ? s.values.map((v) => {
            if (typeof v !== "string" || !ID.test(v) || seen.has(v)) return v;
            if (!fresh.has(v)) fresh.set(v, fresh.size);
            return { $fresh: fresh.get(v) };
          })
        : s.values,
    }));
    for (const s of group) for (const v of s.values) if (!fresh.has(v as string)) seen.add(v);
    return out;
  });
}

/** The bearer token's check of every API request (lib/server/session-records.ts liveActor; a cookie's is liveSession). */
export const sessionRead = (p: PrismaClient, userId: string) =>
  p.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, name: true, email: true, active: true, sessionVersion: true, language: true },
  });

export const statementCount = (c: Capture) => c.reduce((n, g) => n + g.length, 0);

/** Starts the floor server on `port` replaying `script`, runs `fn` against it, stops it. */
export async function withFloor<T>(
  url: string,
  port: number,
  name: string,
  script: FloorScript,
  fn: () => Promise<T>,
): Promise<T> {
  const file = path.join(os.tmpdir(), `bench-floor-${name}-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(script));
  const floor = await startFloorServer(url, port, file);
  try {
    return await fn();
  } finally {
    await stopServer(floor);
  }
}
