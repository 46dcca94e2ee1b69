import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { readiness } from "@/lib/system/health";

export const dynamic = "force-dynamic";

/** Readiness: database reachable, migrations at this build's level, a job worker seen in the last minute; else 503 with the reasons. */
export async function GET() {
  const ready = await readiness(db());
  return NextResponse.json(ready, { status: ready.status === "ready" ? 200 : 503 });
}
