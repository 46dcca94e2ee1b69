import { NextResponse } from "next/server";
import pkg from "@/package.json";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. Asks nothing of the database (lib/system/health.ts). */
export async function GET() {
  return NextResponse.json({ status: "live", version: pkg.version, uptimeSeconds: Math.round(process.uptime()) });
}
