// How every production build is made (npm start, npm test's e2e run, the bench, `npm run build`).
//
// `next build --webpack`, not Turbopack: each serving process runs under a V8 heap limit
// (WEB_MAX_HEAP_MB, 256 MB by default; scripts/web-node-flags.mjs), and Turbopack's server output
// repeats a ~580 KB shared chunk (the Prisma client and Next's route runtime) once per route group,
// each copy compiled separately in the heap. Measured after walking every page and API route as
// each role: 169 MB of live heap with Turbopack, 131 MB with webpack — under Turbopack the full e2e
// run once hit the limit and the process was restarted mid-run. Development (`npm run dev`) keeps
// Turbopack, where the heap limit does not apply.
export const NEXT_BUILD_ARGS = ["build", "--webpack"];
