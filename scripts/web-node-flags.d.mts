/** The Node flags of the web-serving processes for a WEB_MAX_HEAP_MB value (see web-node-flags.mjs). */
export function webNodeFlags(value?: string): string[];
