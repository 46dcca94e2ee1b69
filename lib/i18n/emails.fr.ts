import type { Messages } from "./en";

// The French words of every email (same shape as emails.en.ts).
export const emailsFr: Messages["emails"] = {
  greeting: (name: string) => `Bonjour ${name},`,
  invitation: {
    subject: (hospital: string) => `Votre compte ${hospital}`,
    created: (hospital: string, role: string) => `Un compte a été créé pour vous à ${hospital} en tant que ${role}.`,
    choose: (hours: number) =>
      `Choisissez votre mot de passe avec le lien ci-dessous. Il ne fonctionne qu'une fois et expire dans ${hours} heures.`,
    action: "Définir mon mot de passe",
    footer:
      "Si vous n'attendiez pas cet e-mail, vous pouvez l'ignorer ; personne ne peut utiliser le compte sans ce lien.",
  },
  passwordReset: {
    subject: (hospital: string) => `Réinitialisez votre mot de passe ${hospital}`,
    asked:
      "Quelqu'un a demandé la réinitialisation du mot de passe de votre compte. Si c'est vous, choisissez un nouveau mot de passe avec le lien ci-dessous.",
    expires: (minutes: number) => `Le lien ne fonctionne qu'une fois et expire dans ${minutes} minutes.`,
    action: "Choisir un nouveau mot de passe",
    footer: "Si vous n'avez rien demandé, ignorez cet e-mail : votre mot de passe reste inchangé.",
  },
  confirmEmail: {
    subject: (hospital: string) => `Confirmez votre adresse e-mail pour ${hospital}`,
    body: (hospital: string) =>
      `Vous avez créé un compte patient à ${hospital}. Confirmez que cette adresse e-mail est la vôtre avec le lien ci-dessous ; d'ici là, le compte ne peut ni prendre rendez-vous ni afficher votre dossier.`,
    expires: (hours: number) => `Le lien ne fonctionne qu'une fois et expire dans ${hours} heures.`,
    action: "Confirmer mon adresse e-mail",
    footer: "Si vous n'avez pas créé ce compte, ignorez cet e-mail : sans confirmation, il reste inutilisable.",
  },
  registrationAttempt: {
    subject: (hospital: string) => `Quelqu'un a tenté de s'inscrire avec votre adresse à ${hospital}`,
    body: (hospital: string) =>
      `Quelqu'un a tenté de créer un compte patient à ${hospital} avec cette adresse e-mail, qui a déjà un compte. Si c'était vous, connectez-vous avec votre compte existant.`,
    forgot: (url: string) => `Mot de passe oublié ? Choisissez-en un nouveau ici : ${url}`,
    action: "Se connecter",
    footer: "Si ce n'était pas vous, ignorez cet e-mail : rien n'a été modifié et votre compte reste tel quel.",
  },
  appointment: {
    subjects: {
      booked: "Votre rendez-vous est confirmé",
      rescheduled: "Votre rendez-vous a été déplacé",
      cancelled: "Votre rendez-vous est annulé",
    },
    booked: (doctor: string, when: string) => `Votre rendez-vous avec ${doctor} est fixé au ${when}.`,
    rescheduled: (doctor: string, when: string) => `Votre rendez-vous avec ${doctor} a désormais lieu le ${when}.`,
    cancelled: (doctor: string, when: string) => `Votre rendez-vous avec ${doctor} du ${when} est annulé.`,
    reason: (reason: string) => `Motif : ${reason}`,
    action: "Voir mes rendez-vous",
    footer: "Merci d'arriver dix minutes en avance et de vous munir de votre numéro de dossier médical.",
  },
  reminder: {
    subject: (hospital: string) => `Rappel : votre rendez-vous de demain — ${hospital}`,
    body: (doctor: string, when: string) => `Nous vous rappelons votre rendez-vous avec ${doctor} le ${when}.`,
    cannotCome:
      "Si vous ne pouvez pas venir, merci de l'annuler ou de le déplacer afin que quelqu'un d'autre puisse avoir ce créneau.",
  },
  doctorReport: {
    subject: (month: string, hospital: string) => `Votre activité en ${month} — ${hospital}`,
    intro: (month: string) => `Voici votre activité pour ${month}.`,
    statuses: {
      BOOKED: "Rendez-vous réservés",
      CHECKED_IN: "Rendez-vous enregistrés",
      COMPLETED: "Rendez-vous terminés",
      CANCELLED: "Rendez-vous annulés",
      NO_SHOW: "Rendez-vous non honorés",
    },
    total: "Rendez-vous au total",
    patientsSeen: "Patients vus",
    consultationsSigned: "Consultations signées",
    admissionsAttended: "Hospitalisations suivies",
    revenue: "Montant facturé",
  },
  inpatient: {
    subjects: {
      assigned: "Un patient a été hospitalisé sous votre responsabilité",
      discharged: "Votre patient est sorti",
    },
    who: (patient: string, mrn: string) => `${patient} (n° de dossier ${mrn})`,
    assigned: (who: string) => `${who} a été hospitalisé sous votre responsabilité.`,
    bed: (place: string) => `Lit : ${place}.`,
    discharged: (who: string, place: string) => `${who} est sorti de ${place}.`,
    reason: (reason: string) => `Motif d'hospitalisation : ${reason}`,
    action: "Ouvrir l'hospitalisation",
    footer: "Les informations cliniques se trouvent dans le dossier du patient ; connectez-vous pour les consulter.",
  },
};
