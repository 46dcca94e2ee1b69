// The bench's verdict: every figure with its floor and target in one table, bench/results.json, and
// the app server's resident memory sampled while it is under load.
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { round, table } from "./common";

export type Figure = {
  figure: string;
  value: number | null;
  unit: string;
  floor: number | null;
  /** value / floor (for throughputs: how much of the floor the app reaches). */
  ratio: number | null;
  target: string;
  pass: boolean | null;
};

export function figure(f: Omit<Figure, "ratio" | "floor"> & { floor?: number | null }): Figure {
  const floor = f.floor ?? null;
  return { ...f, floor, ratio: f.value !== null && floor ? round(f.value / floor) : null };
}

export function summaryTable(figures: Figure[]): string {
  const n = (v: number | null, unit: string) =>
    v === null ? "–" : `${v.toLocaleString("en", { maximumFractionDigits: 2 })}${unit ? ` ${unit}` : ""}`;
  return table(
    ["figure", "value", "floor", "ratio", "target", "pass/fail"],
    figures.map((f) => [
      f.figure,
      n(f.value, f.unit),
      n(f.floor, f.unit),
      f.ratio === null ? "–" : String(f.ratio),
      f.target,
      f.pass === null ? "–" : f.pass ? "PASS" : "FAIL",
    ]),
  );
}

export function writeResults(file: string, body: Record<string, unknown>) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Resident memory of the app server

type Proc = { pid: number; ppid: number; rssBytes: number; cmd: string };

function processes(): Proc[] {
  const page = 4096;
  const out: Proc[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const rssPages = Number(readFileSync(`/proc/${name}/statm`, "utf8").split(" ")[1]);
      const cmd = readFileSync(`/proc/${name}/cmdline`, "utf8").replace(/\0/g, " ");
      out.push({ pid: Number(name), ppid: Number(fields[1]), rssBytes: rssPages * page, cmd });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * The app server's resident memory: every 250 ms, the sum over the processes this bench started
 * that run the app (`next start` or scripts/web-server.mjs: the cluster primary and its workers,
 * with their children), not the floor server. Peaks are kept per part (`part(name)`) and overall.
 */
export function rssMonitor() {
  const peaks = new Map<string, number>();
  let current = "";
  const sample = () => {
    if (!current) return;
    const all = processes();
    const children = new Map<number, Proc[]>();
    for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
    const counted = new Set<number>();
    let bytes = 0;
    const addTree = (p: Proc) => {
      if (counted.has(p.pid)) return;
      counted.add(p.pid);
      bytes += p.rssBytes;
      for (const c of children.get(p.pid) ?? []) addTree(c);
    };
    const walk = (pid: number) => {
      for (const c of children.get(pid) ?? []) {
        if (/floor-server/.test(c.cmd)) continue;
        if (/next(-server)?\b.*\bstart\b|web-server\.mjs|next-server/.test(c.cmd)) addTree(c);
        else walk(c.pid);
      }
    };
    walk(process.pid);
    if (bytes > 0) peaks.set(current, Math.max(peaks.get(current) ?? 0, bytes));
  };
  const timer = setInterval(sample, 250);
  timer.unref();
  const mb = (b: number) => round(b / 2 ** 20);
  return {
    part(name: string) {
      current = name;
    },
    stop() {
      clearInterval(timer);
      current = "";
      const perPart = Object.fromEntries([...peaks].map(([k, v]) => [k, mb(v)]));
      return {
        perPartMB: perPart,
        peakMB: peaks.size ? mb(Math.max(...peaks.values())) : null,
        intervalMs: 250,
        totalMemoryMB: mb(os.totalmem()),
      };
    },
  };
}
