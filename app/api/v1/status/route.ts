import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/server/api";
import { checkDatabase } from "@/lib/stats/status";
import { ops } from "@/lib/system/contract";

export const dynamic = "force-dynamic";

/** `{ status, database, version }`; 503 when the database is down. */
export const GET = publicRoute(ops.getStatus, async () => {
  const status = await checkDatabase();
  return NextResponse.json(status, { status: status.status === "ok" ? 200 : 503 });
});
