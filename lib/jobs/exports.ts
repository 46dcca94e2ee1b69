import { timeline } from "@/lib/clinical/queries";
import { catalog, isLocale } from "@/lib/i18n";
import { openChart } from "@/lib/patients/chart";
import { audit, auditedRead, auditViews } from "@/lib/server/audit";
import { clock } from "@/lib/server/clock";
import { csvTimestamp, toCsv } from "@/lib/server/csv";
import type { Db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { can } from "@/lib/server/permissions";
import type { Actor, Ctx } from "@/lib/server/session";
import type { ExportRequest } from "./schemas";
import { E } from "@/lib/i18n/error-keys";

// CSV exports of a treatment history: requested by a user, built by the worker page by page with
// its progress recorded, and readable by its requester only (anyone else gets 404).

export const EXPORT_PAGE_SIZE = 100;

/** Records an export request (audited) and returns its id; the caller enqueues export.run. */
export async function requestExport(prisma: Db, ctx: Ctx, input: ExportRequest): Promise<{ id: string }> {
  let patientId: string;
  if (ctx.actor.role === "PATIENT") {
    const own = await prisma.patient.findFirst({ where: { userId: ctx.actor.id }, select: { id: true } });
    if (!own || (input.patientId && input.patientId !== own.id)) throw notFound("patient");
    patientId = own.id;
  } else {
    if (!can(ctx.actor.role, "patient.chart.read")) throw new AppError("FORBIDDEN", E.jobs.errors.forbidden);
    if (!input.patientId)
      throw new AppError("VALIDATION_FAILED", E.jobs.errors.choosePatient, {
        fields: { patientId: E.jobs.errors.required },
      });
    const p = await prisma.patient.findUnique({ where: { id: input.patientId }, select: { id: true } });
    if (!p) throw notFound("patient");
    patientId = p.id;
  }
  return prisma.$transaction(async (tx) => {
    const row = await tx.export.create({
      data: { kind: input.kind, requesterId: ctx.actor.id, patientId },
      select: { id: true },
    });
    await audit(tx, ctx, {
      action: "EXPORT",
      entity: "Export",
      entityId: row.id,
      patientId,
      details: { kind: input.kind },
    });
    return row;
  });
}

export type ExportStatusView = {
  id: string;
  kind: string;
  status: "queued" | "running" | "done" | "failed";
  progress: number;
  createdAt: string;
  filename: string | null;
  downloadUrl?: string;
};

const statusSelect = { id: true, kind: true, status: true, progress: true, createdAt: true, filename: true } as const;
const view = (e: {
  id: string;
  kind: string;
  status: string;
  progress: number;
  createdAt: Date;
  filename: string | null;
}): ExportStatusView => ({
  id: e.id,
  kind: e.kind,
  status: e.status.toLowerCase() as ExportStatusView["status"],
  progress: e.progress,
  createdAt: e.createdAt.toISOString(),
  filename: e.filename,
  ...(e.status === "DONE" ? { downloadUrl: `/api/v1/exports/${e.id}/download` } : {}),
});

export async function getExport(prisma: Db, ctx: Ctx, id: string): Promise<ExportStatusView> {
  const e = await prisma.export.findFirst({ where: { id, requesterId: ctx.actor.id }, select: statusSelect });
  if (!e) throw notFound("export");
  return view(e);
}

/** The requester's exports, newest first: each names its patient (the file name carries the MRN), one VIEW row per patient shown. */
export async function listExports(prisma: Db, ctx: Ctx): Promise<ExportStatusView[]> {
  const rows = await auditedRead(
    prisma,
    (db) =>
      db.export.findMany({
        where: { requesterId: ctx.actor.id },
        select: { ...statusSelect, patientId: true },
        orderBy: { createdAt: "desc" },
        take: 50,
      }),
    (tx, rows) =>
      auditViews(
        tx,
        ctx,
        { entity: "Export" },
        rows.flatMap((r) => (r.patientId ? [{ patientId: r.patientId }] : [])),
      ),
  );
  return rows.map(view);
}

/** The finished CSV, for its requester only. */
export async function downloadExport(
  prisma: Db,
  ctx: Ctx,
  id: string,
): Promise<{ filename: string; contentType: string; content: Uint8Array }> {
  const e = await prisma.export.findFirst({
    where: { id, requesterId: ctx.actor.id, status: "DONE" },
    select: { filename: true, contentType: true, content: true, patientId: true },
  });
  if (!e?.content) throw notFound("export");
  await audit(prisma, ctx, {
    action: "VIEW",
    entity: "Export",
    entityId: id,
    patientId: e.patientId,
    details: { download: true },
  });
  return { filename: e.filename ?? "export.csv", contentType: e.contentType ?? "text/csv", content: e.content };
}

/**
 * Builds an export: reads the patient's timeline (every kind of event) oldest first, a page at a time,
 * as the requester sees it, recording progress after each page; then stores the CSV in the row.
 *
 * Safe to run again, whenever: each run restarts from the first page under a new attempt number and
 * writes (progress, the file, a failure) only while the row still carries that number. A retry after
 * a crash therefore starts cleanly, and a run given up for dead that wakes later stops at its next
 * write instead of overwriting the retry's work; the one row holds the one file.
 */
export async function runExport(
  prisma: Db,
  exportId: string,
  opts: { pageSize?: number; onProgress?: (progress: number) => void } = {},
): Promise<void> {
  const pageSize = opts.pageSize ?? EXPORT_PAGE_SIZE;
  const claimed = await prisma.export.updateManyAndReturn({
    where: { id: exportId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "RUNNING", progress: 0, startedAt: clock.now(), attempts: { increment: 1 } },
    select: {
      attempts: true,
      patientId: true,
      requester: { select: { id: true, role: true, name: true, email: true, language: true } },
    },
  });
  if (claimed.length === 0 || !claimed[0].patientId) return;
  const { patientId, requester, attempts } = claimed[0];
  const ctx: Ctx = { actor: requester as Actor, ip: null };
  const mine = { id: exportId, status: "RUNNING" as const, attempts };
  /** Writes to the export while this run still owns it; false once another run has taken over. */
  const write = async (data: Parameters<Db["export"]["updateMany"]>[0]["data"]) =>
    (await prisma.export.updateMany({ where: mine, data })).count === 1;
  try {
    // The requester's scope is checked again now (a role or account changed since the request) and
    // the read of the record for the file is audited, as any opening of a chart is.
    const chart = await openChart(prisma, ctx, patientId, {
      need: "export.request",
      entity: "Export",
      details: { export: exportId, attempt: attempts },
    });
    const patient = chart.patient;
    // In the requester's language: the header, the kinds of entry and the summaries' words.
    const locale = isLocale(requester.language) ? requester.language : "en";
    const kinds = catalog(locale).clinical.chart.kinds;
    const rows: string[][] = [];
    for (let page = 1; ; page++) {
      const chunk = await timeline(prisma, chart, { page, pageSize, oldestFirst: true }, locale);
      rows.push(
        ...chunk.items.map((e) => [csvTimestamp(e.at), kinds[e.kind] ?? e.kind, e.summary, e.flag ?? "", e.id]),
      );
      const done = rows.length >= chunk.total || chunk.items.length < pageSize;
      const progress = Math.min(0.99, rows.length / Math.max(chunk.total, 1));
      if (!(await write({ progress }))) return;
      opts.onProgress?.(progress);
      if (done) break;
    }
    const header = catalog(locale).jobs.exports.csvHeader;
    const csv = toCsv([header, ...rows]);
    const stored = await write({
      status: "DONE",
      progress: 1,
      finishedAt: clock.now(),
      filename: `treatment-history-${patient.mrn}.csv`,
      contentType: "text/csv; charset=utf-8",
      content: new Uint8Array(Buffer.from(csv, "utf8")),
    });
    if (stored) opts.onProgress?.(1);
  } catch (err) {
    await write({
      status: "FAILED",
      error: (err instanceof Error ? err.message : String(err)).slice(0, 1000),
      finishedAt: clock.now(),
    });
    throw err;
  }
}
