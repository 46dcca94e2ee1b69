import { audit, type AuditCtx } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { createBackup, pruneBackups, type BackupResult } from "./backup";
import { clock } from "@/lib/server/clock";

// One recorded backup run (BackupRun) for the worker's schedule and the console: the file, then the
// retention. A backup copies every patient's record, so it is audited as an EXPORT (after the
// snapshot: the backup never holds its own audit event).

export async function runBackup(
  prisma: Db,
  ctx: AuditCtx,
  opts: { trigger: "schedule" | "console"; dir: string; keep?: number; databaseUrl?: string; key?: string },
): Promise<BackupResult & { runId: string; pruned: string[] }> {
  const databaseUrl = opts.databaseUrl ?? env().DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set");
  const run = await prisma.backupRun.create({
    data: { trigger: opts.trigger, encrypted: !!opts.key },
    select: { id: true },
  });
  try {
    const result = await createBackup({ databaseUrl, dir: opts.dir, key: opts.key });
    await prisma.$transaction(async (tx) => {
      await tx.backupRun.update({
        where: { id: run.id },
        data: {
          finishedAt: clock.now(),
          ok: true,
          file: result.file,
          bytes: BigInt(result.bytes),
          rows: BigInt(result.rows),
        },
      });
      await audit(tx, ctx, {
        action: "EXPORT",
        entity: "Backup",
        entityId: run.id,
        details: {
          file: result.file,
          bytes: result.bytes,
          rows: result.rows,
          encrypted: result.encrypted,
          via: opts.trigger,
        },
      });
    });
    const pruned = opts.keep ? await pruneBackups(opts.dir, opts.keep) : [];
    return { ...result, runId: run.id, pruned };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await prisma.backupRun.update({
      where: { id: run.id },
      data: { finishedAt: clock.now(), ok: false, error: message.slice(0, 2000) },
    });
    throw error;
  }
}

/** The worker's scheduled run: BACKUP_DIR, BACKUP_KEEP and BACKUP_ENCRYPTION_KEY from the environment. */
export async function scheduledBackup(
  prisma: Db,
): Promise<{ file: string; bytes: number; pruned: number } | { skipped: string }> {
  const e = env();
  if (!e.BACKUP_DIR) return { skipped: "BACKUP_DIR is not set" };
  const result = await runBackup(
    prisma,
    { actor: null, ip: null },
    { trigger: "schedule", dir: e.BACKUP_DIR, keep: e.BACKUP_KEEP, key: e.BACKUP_ENCRYPTION_KEY },
  );
  return { file: result.file, bytes: result.bytes, pruned: result.pruned.length };
}
