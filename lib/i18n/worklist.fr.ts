import type { Messages } from "./en";

// Les pages d'accueil des soignants (même forme que worklist.en.ts).
export const worklistFr: Messages["worklist"] = {
  doctor: {
    today: "Consultations du jour",
    drafts: "Brouillons de consultation non signés",
    noDrafts: "Aucun brouillon en attente de votre signature.",
    draftStarted: "Commencé",
    review: "Résultats anormaux à voir",
    reviewIntro:
      "Résultats de vos demandes hors de l’intervalle de référence. Marquez chacun comme vu une fois traité.",
    noReview: "Aucun résultat anormal en attente.",
    markReviewed: "Marquer comme vu",
    reviewedNow: "Vu.",
    amended: "Corrigé",
    inpatients: "Mes patients hospitalisés",
    noInpatients: "Aucun patient hospitalisé sous votre responsabilité.",
    lastContact: "Dernier contact",
  },
  nurse: {
    ward: (name: string, hours: number) => `${name} · surveillance de routine toutes les ${hours} h`,
    noWards:
      "Aucune unité n’appartient à votre service. Demandez à un administrateur de renseigner votre service ou celui des unités.",
    wardRule:
      "Vos unités : celles de votre service et celles sans service (les mêmes infirmiers reçoivent les alertes NEWS2 de l’unité).",
    empty: "Aucun patient dans cette unité.",
    bed: "Lit",
    patient: "Patient",
    news2: "NEWS2",
    lastVitals: "Dernières constantes",
    due: "Constantes à prendre",
    dueNow: "Maintenant",
    dueContinuous: "Maintenant (surveillance continue)",
    overdue: "Maintenant (en retard)",
    never: "Jamais relevées",
    abnormal: "Hors des valeurs normales",
    record: "Relever les constantes",
    tasks: "Tâches : lits à nettoyer",
    noTasks: "Aucun lit en attente de nettoyage.",
    cleaningSince: "en attente depuis",
    vitals: { respiratoryRate: "FR", spo2: "SpO₂", systolic: "Systolique", pulse: "Pouls", temperatureC: "Temp." },
  },
  patient: {
    pastIntro: "Vos visites qui ont eu lieu, avec la note signée du médecin lorsqu'il y en a une.",
    walkIn: "Visite sans rendez-vous",
    note: "Note de visite",
    results: "Résultats récents",
    noResults: "Aucun résultat d'analyse pour l'instant.",
    allResults: "Tous les résultats et notes",
    pending: "Résultat en attente",
    bills: "Factures",
    noBills: "Aucune facture pour l'instant.",
    allBills: "Toutes les factures",
    balance: "Reste à payer",
  },
};
