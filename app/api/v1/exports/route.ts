import { NextResponse } from "next/server";
import { listExports, requestExport } from "@/lib/jobs/exports";
import { enqueue, queue } from "@/lib/jobs/queue";
import { ZExportRequest } from "@/lib/jobs/schemas";
import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";

/** The caller's own exports, newest first. */
export const GET = apiRoute("export.request", async ({ ctx }) => ({ items: await listExports(db(), ctx) }));

/** `{ kind: "treatment-history", patientId? }` → 202 `{ id }`; the worker builds it (poll GET /exports/{id}). */
export const POST = apiRoute("export.request", async ({ req, ctx }) => {
  const { id } = await requestExport(db(), ctx, await readJson(req, ZExportRequest));
  await enqueue(await queue(), "export.run", { exportId: id }, { key: id });
  return NextResponse.json({ id }, { status: 202 });
}, { idempotent: true });
