import type { Messages } from "./en";

// French strings for background jobs and CSV exports (same shape as jobs.en.ts).
export const jobsFr: Messages["jobs"] = {
  phrases: {
    percent: (p: number) => `${Math.round(p * 100)} %`,
    attempts: (n: number, limit: number) => `${n} sur ${limit + 1}`,
    backupAge: (hours: number) =>
      hours < 1
        ? "il y a moins d'une heure"
        : hours < 48
          ? `il y a ${Math.floor(hours)} h`
          : `il y a ${Math.floor(hours / 24)} jours`,
    backupSize: (bytes: number) =>
      bytes < 1024 * 1024
        ? `${Math.max(1, Math.round(bytes / 1024))} Ko`
        : bytes < 1024 ** 3
          ? `${(bytes / 1024 ** 2).toFixed(1).replace(".", ",")} Mo`
          : `${(bytes / 1024 ** 3).toFixed(2).replace(".", ",")} Go`,
    backupOverdue: (hours: number) =>
      `La dernière sauvegarde réussie date de plus de ${hours} heures. Vérifiez le worker et BACKUP_DIR, ou lancez « npm run console -- backup ».`,
  },
  nav: { exports: "Mes exports", jobs: "Tâches de fond" },
  dashboard: {
    failedJobs: "Tâches en échec",
    unsentEmails: "E-mails non envoyés",
    openJobs: "Voir les tâches de fond",
    openOutbox: "Voir la boîte d'envoi",
  },
  backups: {
    title: "Sauvegardes",
    last: "Dernière sauvegarde réussie",
    size: "Taille",
    file: "Fichier",
    lastRun: "Dernière exécution",
    failed: "Échec",
    running: "En cours",
    encrypted: "Chiffrée",
    notEncrypted: "Non chiffrée",
    none: "Aucune sauvegarde n'a encore été faite.",
    noneScheduled:
      "BACKUP_DIR est défini mais aucune sauvegarde n'a encore réussi. Vérifiez le worker, ou lancez « npm run console -- backup ».",
    notScheduled: "Les sauvegardes planifiées sont désactivées : définissez BACKUP_DIR (voir docs/backups.md).",
  },
  errors: {
    forbidden: "Vous n'êtes pas autorisé à exporter l'historique d'un patient.",
    choosePatient: "Choisissez le patient à exporter.",
    required: "Obligatoire",
    onlyTreatmentHistory: "Seuls les exports d'historique de traitement existent",
  },
  exports: {
    title: "Mes exports",
    intro:
      "Fichiers CSV d'un historique de soins que vous avez demandés. Ils sont produits en arrière-plan ; cette page se met à jour jusqu'à ce qu'ils soient prêts. Vous seul pouvez les télécharger.",
    none: "Vous n'avez encore demandé aucun export. Utilisez « Exporter mon historique (CSV) » dans Mon dossier de santé, ou « Exporter en CSV » sur le dossier d'un patient.",
    requested: "Demandé le",
    kind: "Export",
    status: "Statut",
    progress: "Progression",
    file: "Fichier",
    download: "Télécharger le CSV",
    kinds: { "treatment-history": "Historique des soins" },
    statuses: { queued: "En file d'attente", running: "En cours", done: "Prêt", failed: "Échec" },
    csvHeader: ["Date et heure", "Type", "Résumé", "Alerte", "Référence"],
  },
  buttons: {
    exportMine: "Exporter mon historique (CSV)",
    exportPatient: "Exporter en CSV",
    exporting: "Lancement de l'export…",
  },
  admin: {
    title: "Tâches de fond",
    intro:
      "La file de tâches conservée dans PostgreSQL et exécutée par le worker : envoi des e-mails, rappels de rendez-vous, rapports mensuels des médecins et exports CSV. Les tâches en échec sont relancées avec des délais croissants ; celles qui ont épuisé leurs tentatives restent affichées ici.",
    queues: "Files",
    queue: "File",
    states: {
      created: "En attente",
      retry: "Nouvelle tentative",
      active: "En cours",
      completed: "Terminée",
      failed: "Échec",
      cancelled: "Annulée",
    },
    schedules: "Tâches planifiées",
    schedule: "Planification",
    runNow: "Lancer maintenant",
    started: "En file : le worker la prend en charge d'ici quelques secondes.",
    failed: "Échecs récents",
    noFailed: "Aucune tâche en échec.",
    when: "Échec le",
    job: "Tâche",
    attempts: "Tentatives",
    error: "Erreur",
    retry: "Relancer",
    retried: "Remise en file.",
    scheduleLabels: {
      "reminders.send": "Rappels de rendez-vous (toutes les 15 minutes)",
      "reports.monthly": "Rapports mensuels des médecins (le 1er du mois, 06:00)",
      "email.sweep": "Envoi de la boîte d'envoi (toutes les minutes)",
    },
  },
};
