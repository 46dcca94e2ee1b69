import type { Messages } from "./en";

// French strings for the admin System page (same shape as system.en.ts).
export const systemFr: Messages["system"] = {
  nav: { system: "Système" },
  title: "Système",
  intro:
    "L'état de cette installation : ce qui tourne, à quel niveau, et ce qui attend. Pour les outils de supervision : /api/v1/health/ready et /api/v1/metrics (voir docs/operations.md).",
  sections: {
    app: "Logiciel",
    database: "Base de données",
    workers: "Processus de tâches",
    queues: "Files de tâches",
    emails: "E-mails en attente",
    address: "Adresse publique et HTTPS",
    sessions: "Sessions actives",
  },
  version: "Version",
  node: "Version de Node.js",
  migrationLevel: "Niveau de migration",
  migrationsApplied: (applied: number, expected: number) => `${applied} appliquées sur ${expected} dans cette version`,
  migrationsPending: (n: number) => `${n} non appliquée(s) — lancez npm run db:migrate (npm start le fait)`,
  latestMigration: "Dernière migration",
  databaseSize: "Taille de la base",
  databaseVersion: "Version de PostgreSQL",
  noWorker:
    "Aucun processus de tâches vu depuis une minute : e-mails, rappels, rapports et exports attendent. Lancez-en un avec npm run worker (npm start en lance un).",
  worker: "Processus",
  startedAt: "Démarré",
  seenAt: "Vu pour la dernière fois",
  queue: "File",
  waiting: "En attente",
  retrying: "À réessayer",
  running: "En cours",
  failed: "En échec",
  emailsWaiting: "En attente d'envoi",
  emailsFailed: "Abandonnés",
  openOutbox: "Ouvrir la boîte d'envoi",
  openJobs: "Ouvrir les tâches de fond",
  sessions: (sessions: number, users: number) =>
    `${sessions} session${sessions > 1 ? "s" : ""} ouverte${sessions > 1 ? "s" : ""} (${users} utilisateur${users > 1 ? "s" : ""})`,
  ok: "OK",
  check: "À vérifier",
  checks: {
    appUrlSet: "APP_URL est défini (les liens des e-mails l'utilisent)",
    urlsAgree: "APP_URL et NEXTAUTH_URL désignent la même adresse",
    https: "Servi en HTTPS (hors de cette machine)",
    sameHost: "Cette page a été ouverte à l'adresse configurée",
    trustedProxies:
      "TRUSTED_PROXIES désigne le proxy inverse (adresses des clients pour la limitation des connexions et le journal d'audit)",
  },
};
