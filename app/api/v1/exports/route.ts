import { NextResponse } from "next/server";
import { listExports, requestExport } from "@/lib/jobs/exports";
import { enqueue, queue } from "@/lib/jobs/queue";
import { apiRoute, pageOf } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/jobs/contract";

/** The caller's own exports, newest first. */
export const GET = apiRoute(ops.getExports, async ({ req, ctx }) =>
  pageOf(await listExports(db(), ctx), req.nextUrl.searchParams),
);

/** `{ kind: "treatment-history", patientId? }` → 202 `{ id }`; the worker builds it (poll GET /exports/{id}). */
export const POST = apiRoute(ops.postExports, async ({ ctx, body }) => {
  const { id } = await requestExport(db(), ctx, body);
  await enqueue(await queue(), "export.run", { exportId: id }, { key: id });
  return NextResponse.json({ id }, { status: 202 });
});
