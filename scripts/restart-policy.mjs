// When to start a crashed web server again (scripts/start.ts for the web server, scripts/web-server.mjs
// for its cluster workers): always, after a pause that starts at 1 s and doubles with each crash that
// follows quickly, up to 30 s, and is back at 1 s once a process has run a stable minute. What
// systemd (Restart=always with RestartSec and RestartSteps/RestartMaxDelaySec) and Kubernetes (crash
// loop back-off: 10 s doubling to 5 min, reset after 10 min) do: a process that dies at once (port
// taken, broken build) is retried without a tight loop; one that died after hours is back within a
// second. The launcher never gives up: stopping the web server would stop the embedded database with
// it, and every other service with it; only Ctrl-C or SIGTERM stops everything.

export const RESTART = { firstMs: 1000, maxMs: 30_000, stableMs: 60_000 };

/** A restart policy: `next(ranMs)` is the pause before starting again a process that ran `ranMs`. */
export function restartPolicy({ firstMs, maxMs, stableMs } = RESTART) {
  let last = 0;
  return {
    next(ranMs) {
      last = ranMs >= stableMs || last === 0 ? firstMs : Math.min(last * 2, maxMs);
      return last;
    },
  };
}
