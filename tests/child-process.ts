import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

/**
 * A TypeScript script of this repository in a node process of its own (`node --import tsx`, one
 * process, so that SIGKILL kills the script itself), once it has printed `ready`.
 */
export async function startScript(
  script: string,
  env: Record<string, string>,
  ready: string,
  timeoutMs = 90_000,
  args: string[] = [],
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} not ready within ${timeoutMs / 1000} s:\n${output}`)),
      timeoutMs,
    );
    child.stdout!.on("data", (d: Buffer) => {
      output += d.toString();
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    child.once("exit", (code) => reject(new Error(`${script} exited (${code}):\n${output}`)));
  });
  return child;
}

/**
 * What `child` prints from now on. `until(text, timeoutMs, from)` resolves, with the offset just past
 * it, once `text` appears at or after offset `from` (default: the end of what was printed so far).
 */
export function watchOutput(child: ChildProcess) {
  let output = "";
  const waiters: { text: string; from: number; resolve: (end: number) => void }[] = [];
  const onData = (d: Buffer) => {
    output += d.toString();
    for (const w of [...waiters]) {
      const at = output.indexOf(w.text, w.from);
      if (at >= 0) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(at + w.text.length);
      }
    }
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  return {
    get output() {
      return output;
    },
    until(text: string, timeoutMs = 60_000, from = output.length): Promise<number> {
      const at = output.indexOf(text, from);
      if (at >= 0) return Promise.resolve(at + text.length);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`"${text}" not printed within ${timeoutMs / 1000} s:\n${output}`)),
          timeoutMs,
        );
        waiters.push({
          text,
          from,
          resolve: (end) => {
            clearTimeout(timer);
            resolve(end);
          },
        });
      });
    },
  };
}

/** Sends `signal` and waits until the process has exited. */
export async function stopScript(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}
