import type { Messages } from "./en";

// La liste de démarrage et l’avis de démonstration du tableau de bord de l’administrateur (même forme que setup.en.ts).
export const setupFr: Messages["setup"] = {
  checklist: {
    title: "Premiers pas",
    intro: "Ce qu’il reste à faire avant que l’hôpital ne s’appuie sur cette installation.",
    done: "Fait",
    todo: "À faire",
    open: "Ouvrir",
    setting: (name: string) => `Renseignez ${name} dans .env (ou l’environnement) puis redémarrez.`,
    items: {
      hospitalName: "Le nom de l’hôpital",
      departments: "Services",
      staff: "Comptes du personnel",
      wards: "Unités et lits",
      appUrl:
        "Une adresse publique accessible depuis les autres ordinateurs (pas localhost) : les QR codes imprimés sur les ordonnances y renvoient et ne fonctionnent nulle part ailleurs d'ici là",
      smtp: "Envoi des e-mails (SMTP)",
      backups: "Sauvegardes",
    },
  },
  demo: {
    title: "Compte de démonstration",
    body: "Vous êtes connecté avec un compte de l’hôpital de démonstration, dont le mot de passe est public. Les données de démonstration ne doivent pas côtoyer de vrais patients.",
    remove: "Retirez les données de démonstration avec : npm run console -- demo remove --yes",
  },
};
