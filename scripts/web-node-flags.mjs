// Node flags for the processes that serve web requests. `npm start` (scripts/start.ts) and the bench
// (scripts/bench/common.ts) start scripts/web-server.mjs with them; its cluster workers inherit them.
//
// WEB_MAX_HEAP_MB (default 256; 0 = V8's own limit): the old-space limit of each serving process.
// Left to itself, V8 on a machine with plenty of memory lets the heap grow to gigabytes under load
// before it collects: one serving process under the bench's mixed load on the 1M-patient hospital
// reached 532–620 MB resident, against 373–398 MB with a limit of 160–224 MB at the same throughput
// (within the run-to-run noise), while the live heap under that load is about 120 MB. A process that
// outgrows the limit anyway dies and is started again (scripts/start.ts; the cluster primary).
// 256 since the PDFs embed Unicode fonts (about 13 MB of parsed font tables per process) and the
// process serves documents, metrics and merges: a full browser-test run outgrew 192 MB.

/** The flags for a WEB_MAX_HEAP_MB value (unset or empty: the default). */
export function webNodeFlags(value = process.env.WEB_MAX_HEAP_MB) {
  const mb = value === undefined || value.trim() === "" ? 256 : Number(value);
  if (!Number.isInteger(mb) || mb < 0)
    throw new Error(`WEB_MAX_HEAP_MB must be a whole number of megabytes, 0 for no limit (got "${value}")`);
  return mb > 0 ? [`--max-old-space-size=${mb}`] : [];
}
