import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import pkg from "@/package.json";
import { liveWorkers, type WorkerSeen } from "./heartbeat";
import { migrationLevel, type MigrationLevel } from "./health";
import { emailBacklog, jobCounts, type QueueCount } from "./metrics";

// What the admin System page (/admin/system) shows: one read of each figure, no clinical data.

export type AddressCheck = {
  key: "appUrlSet" | "urlsAgree" | "https" | "sameHost" | "trustedProxies";
  ok: boolean;
  detail: string;
};

export type SystemOverview = {
  version: string;
  node: string;
  migrations: MigrationLevel;
  databaseBytes: number;
  databaseVersion: string;
  queues: QueueCount[];
  emails: { waiting: number; failed: number };
  workers: WorkerSeen[];
  activeSessions: { sessions: number; users: number };
  address: AddressCheck[];
};

const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
};

/**
 * The public address as configured, against what it should be: APP_URL set, APP_URL and NEXTAUTH_URL
 * naming the same origin, HTTPS (outside localhost), the page opened at that host, and TRUSTED_PROXIES
 * set when the app sits behind a proxy. `requestHost`: the Host the page was opened at.
 */
export function addressChecks(
  requestHost: string | null,
  e: { APP_URL?: string; NEXTAUTH_URL?: string; TRUSTED_PROXIES?: string } = {
    APP_URL: env().APP_URL,
    NEXTAUTH_URL: env().NEXTAUTH_URL,
    TRUSTED_PROXIES: process.env.TRUSTED_PROXIES,
  },
): AddressCheck[] {
  const url = (e.APP_URL ?? e.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(hostOf(url) ?? "");
  const https = [e.APP_URL, e.NEXTAUTH_URL].some((u) => u?.startsWith("https:") === true);
  const origin = (u: string) => (hostOf(u) ? new URL(u).origin : u);
  return [
    { key: "appUrlSet", ok: Boolean(e.APP_URL), detail: url },
    {
      key: "urlsAgree",
      ok: !e.APP_URL || !e.NEXTAUTH_URL || origin(e.APP_URL) === origin(e.NEXTAUTH_URL),
      detail: `APP_URL=${e.APP_URL ?? "—"} NEXTAUTH_URL=${e.NEXTAUTH_URL ?? "—"}`,
    },
    { key: "https", ok: https || local, detail: url },
    {
      key: "sameHost",
      ok: requestHost === null || requestHost === hostOf(url),
      detail: `${requestHost ?? "—"} / ${hostOf(url) ?? "—"}`,
    },
    {
      key: "trustedProxies",
      ok: local || Boolean(e.TRUSTED_PROXIES?.trim()),
      detail: e.TRUSTED_PROXIES?.trim() || "—",
    },
  ];
}

/** Sessions open now: not revoked, within their lifetime and their idle timeout. */
export async function activeSessions(prisma: Db): Promise<{ sessions: number; users: number }> {
  const idleMinutes = env().SESSION_IDLE_MINUTES;
  const [row] = await prisma.$queryRaw<{ sessions: number; users: number }[]>`
    SELECT count(*)::int AS sessions, count(DISTINCT "userId")::int AS users FROM "Session"
    WHERE "revokedAt" IS NULL AND "expiresAt" > now() AND "lastSeenAt" > now() - make_interval(mins => ${idleMinutes}::int)`;
  return row ?? { sessions: 0, users: 0 };
}

export async function systemOverview(prisma: Db, requestHost: string | null): Promise<SystemOverview> {
  const [migrations, [size], queues, emails, workers, sessions] = await Promise.all([
    migrationLevel(prisma),
    prisma.$queryRaw<
      { bytes: bigint; version: string }[]
    >`SELECT pg_database_size(current_database()) AS bytes, current_setting('server_version') AS version`,
    jobCounts(prisma),
    emailBacklog(prisma),
    liveWorkers(prisma),
    activeSessions(prisma),
  ]);
  return {
    version: pkg.version,
    node: process.version,
    migrations,
    databaseBytes: Number(size?.bytes ?? 0),
    databaseVersion: size?.version ?? "",
    queues,
    emails,
    workers,
    activeSessions: sessions,
    address: addressChecks(requestHost),
  };
}
