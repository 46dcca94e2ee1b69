import type { Messages } from "./en";

// French strings of account safety (lib/i18n/accounts.en.ts).
export const accountsFr: Messages["accounts"] = {
  phrases: {
    confirmIntro: (email: string) =>
      `Nous avons envoyé un lien à ${email}. Ouvrez-le pour confirmer que cette adresse est la vôtre ; vous pourrez ensuite prendre rendez-vous et consulter votre dossier.`,
    tryAgainIn: (minutes: number) => `Trop de demandes depuis cette adresse. Réessayez dans ${minutes} minute(s).`,
  },
  policy: {
    common: "Ce mot de passe fait partie des plus utilisés : choisissez-en un autre",
    weak: "Ce mot de passe est trop facile à deviner : utilisez une phrase plus longue de mots sans rapport",
    personal: "Ne construisez pas votre mot de passe à partir de votre nom ou de votre adresse e-mail",
    adminPassword: (reason: string) =>
      `ADMIN_PASSWORD est refusé (${reason}). Choisissez-en un plus robuste, ou laissez-le vide pour qu'il soit généré.`,
  },
  errors: {
    emailUnconfirmed:
      "Confirmez d'abord votre adresse e-mail : ouvrez le lien que nous vous avons envoyé, ou demandez-en un nouveau.",
    passwordChangeRequired:
      "Choisissez d'abord votre propre mot de passe : l'actuel a été défini par un administrateur.",
  },
  registered: {
    title: "Consultez vos e-mails",
    body: "Si cette adresse peut servir à un nouveau compte, nous lui avons envoyé un lien pour la confirmer. Ouvrez ce lien, puis connectez-vous. Rien reçu après quelques minutes ? Vérifiez vos indésirables, ou connectez-vous pour demander un nouveau lien.",
    signIn: "Aller à la connexion",
  },
  confirm: {
    title: "Confirmez votre adresse e-mail",
    resend: "Renvoyer le lien",
    resent: "Un nouveau lien est en route. Il expire dans 24 heures.",
    signOut: "Se déconnecter",
    wrongAddress: "Mauvaise adresse ? Déconnectez-vous et inscrivez-vous à nouveau avec la bonne.",
  },
  confirmLink: {
    title: "Confirmez votre adresse e-mail",
    intro: "Confirmez que cette adresse est la vôtre pour terminer la création de votre compte.",
    submit: "Confirmer mon adresse e-mail",
    done: "Votre adresse e-mail est confirmée. Vous pouvez maintenant prendre rendez-vous et consulter votre dossier.",
    invalid: "Ce lien est invalide, a expiré ou a déjà été utilisé. Connectez-vous pour en demander un nouveau.",
    continue: "Continuer",
  },
  forcedChange: {
    title: "Choisissez votre propre mot de passe",
    intro:
      "Votre mot de passe a été défini par un administrateur. Choisissez-en un que vous seul connaissez avant de continuer ; vous vous reconnecterez ensuite avec lui.",
  },
};
