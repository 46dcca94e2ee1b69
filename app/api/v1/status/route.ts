import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/stats/status";

export const dynamic = "force-dynamic";

export async function GET() {
  const status = await checkDatabase();
  return NextResponse.json(status, { status: status.status === "ok" ? 200 : 503 });
}
