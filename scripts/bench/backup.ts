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

export type BackupBenchResult = { patients: number; tables: number; rows: number; bytes: number; encrypted: boolean; backupS: number; restoreS: number };

export async function benchBackup(url: string, patients: number, log: (s: string) => void): Promise<BackupBenchResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hospital-bench-backup-"));
  // Encrypted, as a careful hospital would run it: the figure includes AES-256-GCM.
  const key = "bench-backup-passphrase-0123456789";
  try {
    log(`  backup of ${patients.toLocaleString("en")} patients…`);
    let t = performance.now();
    const backup = await createBackup({ databaseUrl: url, dir, key });
    const backupS = round((performance.now() - t) / 1000);
    const rows = backup.manifest.tables.reduce((n, x) => n + x.rows, 0);
    log(`  backup: ${backupS} s, ${rows.toLocaleString("en")} rows in ${backup.manifest.tables.length} tables, ${(backup.bytes / 2 ** 20).toFixed(1)} MB`);
    const target = await createTestDatabase(`hospital_bench_restore_${patients}`, { migrate: false });
    try {
      t = performance.now();
      await restoreBackup({ file: backup.file, databaseUrl: target.url, key, progress: (line) => {
        if (!line.startsWith("  ")) log(`    ${((performance.now() - t) / 1000).toFixed(1)} s  ${line}`);
      } });
      const restoreS = round((performance.now() - t) / 1000);
      log(`  restore: ${restoreS} s`);
      return { patients, tables: backup.manifest.tables.length, rows, bytes: backup.bytes, encrypted: true, backupS, restoreS };
    } finally {
      await target.drop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
