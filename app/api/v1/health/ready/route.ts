import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { readiness } from "@/lib/system/health";
import { ops } from "@/lib/system/contract";

export const dynamic = "force-dynamic";

/** Readiness: database reachable, migrations at this build's level, a job worker seen in the last minute; else 503 with the reasons. Malformed input is 400 as everywhere. */
export const GET = publicRoute(ops.getHealthReady, async () => {
  const ready = await readiness(db());
  return NextResponse.json(ready, { status: ready.status === "ready" ? 200 : 503 });
});
