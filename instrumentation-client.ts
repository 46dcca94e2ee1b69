// Only zod's config from its core, so that this file, loaded before every page, stays small.
import { config } from "zod/v4/core";

// Runs in the browser before any of the app's code (Next's instrumentation-client hook). zod 4
// compiles object schemas with `new Function` when it can, probing for that on the first schema;
// the pages' Content-Security-Policy has no 'unsafe-eval', so the probe would be refused and
// reported as a violation on every page with a form. Told so before the first schema is made, zod
// validates without compiling (the server, which has no CSP, keeps compiling).
config({ jitless: true });
