// Backup and restore of the bench's generated hospital (lib/backups): `npm run console -- backup`'s
// code on the database just generated, then `restore` of that file into a fresh empty database,
// each timed end to end (restore includes its verification pass, the migrations, the load, the
// foreign-key checks, the audit-chain check and the read-back against the manifest).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createBackup } from "../../lib/backups/backup";
import { restoreBackup } from "../../lib/backups/restore";
import { createTestDatabase } from "../../tests/test-db";
import { round } from "./common";

/** Wall times, and the CPU time of this process (the app's side: COPY parsing, gzip, AES, hashing) — on a busy machine the wall time says more about the neighbours. */
export type BackupBenchResult = {
  patients: number;
  tables: number;
  rows: number;
  bytes: number;
  encrypted: boolean;
  backupS: number;
  restoreS: number;
  backupCpuS: number;
  restoreCpuS: number;
};

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return round((used.user + used.system) / 1e6);
};

export async function benchBackup(url: string, patients: number, log: (s: string) => void): Promise<BackupBenchResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hospital-bench-backup-"));
  // Encrypted, as a careful hospital would run it: the figure includes AES-256-GCM.
  const key = "bench-backup-passphrase-0123456789";
  try {
    log(`  backup of ${patients.toLocaleString("en")} patients…`);
    let t = performance.now();
    let cpu = process.cpuUsage();
    const backup = await createBackup({ databaseUrl: url, dir, key });
    const backupS = round((performance.now() - t) / 1000);
    const backupCpuS = cpuSeconds(cpu);
    const rows = backup.manifest.tables.reduce((n, x) => n + x.rows, 0);
    log(
      `  backup: ${backupS} s (CPU of this process ${backupCpuS} s), ${rows.toLocaleString("en")} rows in ${backup.manifest.tables.length} tables, ${(backup.bytes / 2 ** 20).toFixed(1)} MB`,
    );
    const target = await createTestDatabase(`hospital_bench_restore_${patients}`, { migrate: false });
    try {
      t = performance.now();
      cpu = process.cpuUsage();
      await restoreBackup({
        file: backup.file,
        databaseUrl: target.url,
        key,
        progress: (line) => {
          if (!line.startsWith("  ")) log(`    ${((performance.now() - t) / 1000).toFixed(1)} s  ${line}`);
        },
      });
      const restoreS = round((performance.now() - t) / 1000);
      const restoreCpuS = cpuSeconds(cpu);
      log(`  restore: ${restoreS} s (CPU of this process ${restoreCpuS} s)`);
      return {
        patients,
        tables: backup.manifest.tables.length,
        rows,
        bytes: backup.bytes,
        encrypted: true,
        backupS,
        restoreS,
        backupCpuS,
        restoreCpuS,
      };
    } finally {
      await target.drop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
