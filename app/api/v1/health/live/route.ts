import pkg from "@/package.json";
import { publicRoute } from "@/lib/server/api";
import { ops } from "@/lib/system/contract";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. Asks nothing of the database (lib/system/health.ts). Malformed input is 400 as everywhere. */
export const GET = publicRoute(ops.getHealthLive, async () => ({
  status: "live",
  version: pkg.version,
  uptimeSeconds: Math.round(process.uptime()),
}));
