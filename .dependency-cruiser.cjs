/**
 * The dependency rules `npm run lint` checks (docs/architecture.md, "Rules the build checks").
 * lib/<domain> is every folder of lib/ but server (the framework: auth, db, errors, audit),
 * i18n (messages) and generated (Prisma's client).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "A module never depends on itself through others: break the cycle by moving the shared part.",
      from: {},
      to: { circular: true },
    },
    {
      name: "server-imports-no-domain",
      severity: "error",
      comment: "lib/server is below the domains: it imports none of them (a domain's code goes in its folder).",
      // Exception: tests that check every domain at once (strict types, list audit). The API's
      // operations are each domain's (lib/<domain>/contract.ts), joined in lib/api/operations.ts.
      from: { path: "^lib/server/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^lib/", pathNot: "^lib/(server|i18n|generated)/" },
    },
    {
      name: "i18n-imports-no-server",
      severity: "error",
      comment: "Messages are below the server layer: lib/i18n imports nothing from lib/server.",
      from: { path: "^lib/i18n/" },
      to: { path: "^lib/server/" },
    },
    {
      name: "components-import-no-routes",
      severity: "error",
      comment:
        "components/ never imports from app/: a page passes its action as a prop, or the action lives in its domain.",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "no-top-level-emails",
      severity: "error",
      comment: "Email templates live with notifications, in lib/notifications/emails.",
      from: {},
      to: { path: "^emails/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|lib/generated|\\.next|\\.data)/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
