import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

/**
 * A TypeScript script of this repository in a node process of its own (`node --import tsx`, one
 * process, so that SIGKILL kills the script itself), once it has printed `ready`.
 */
export async function startScript(script: string, env: Record<string, string>, ready: string, timeoutMs = 90_000): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, script)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} not ready within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
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

/** Sends `signal` and waits until the process has exited. */
export async function stopScript(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}
