import type { Messages } from "./en";

// Doublons possibles et inscription vérifiée (même forme que duplicates.en.ts).
export const duplicatesFr: Messages["duplicates"] = {
  nav: "Doublons possibles",
  title: "Doublons possibles",
  intro:
    "Paires de dossiers que le rapprochement juge peut-être identiques, les plus récentes d’abord. Fusionnez le plus récent dans le plus ancien, ou indiquez qu’il s’agit de personnes différentes : une paire écartée n’est plus jamais proposée.",
  empty: "Aucun doublon possible à examiner.",
  score: "Note",
  certain: "Sûr",
  possible: "À vérifier",
  reasons: "Pourquoi",
  found: "Trouvé",
  older: "Dossier le plus ancien",
  newer: "Dossier le plus récent",
  dismiss: "Pas un doublon",
  dismissConfirm: (a: string, b: string) =>
    `Indiquer que ${a} et ${b} sont des personnes différentes ? La paire ne sera plus proposée.`,
  dismissed: "Paire écartée.",
  merge: "Fusionner…",
  mergeLabel: (dup: string, survivor: string) => `Fusionner ${dup} dans ${survivor}`,
  reason: {
    nationalId: "n° national",
    nationalIdDiffers: "n° nationaux différents",
    dob: "date de naissance",
    dobNear: "date de naissance proche",
    dobDiffers: "dates de naissance différentes",
    lastName: "nom",
    lastNameSimilar: "nom proche",
    lastNameDiffers: "noms différents",
    firstName: "prénom",
    firstNameSimilar: "prénom proche",
    firstNameDiffers: "prénoms différents",
    namesSwapped: "nom et prénom inversés",
    sex: "sexe",
    sexDiffers: "sexes différents",
    phone: "téléphone",
    email: "e-mail",
  },
  links: {
    title: "Comptes en attente de leur dossier",
    intro:
      "Personnes inscrites en ligne qui ont peut-être déjà un dossier. Reliez le compte au bon dossier, ou créez un nouveau dossier si aucun n’est le leur.",
    empty: "Aucun compte en attente.",
    account: "Compte",
    registered: "Inscrit le",
    candidates: "Dossiers possibles",
    noCandidates: "Aucun des dossiers trouvés n’est encore libre.",
    link: (mrn: string) => `Relier à ${mrn}`,
    linkConfirm: (name: string, mrn: string) =>
      `Relier le compte de ${name} au dossier ${mrn} ? La personne verra l’historique de ce dossier.`,
    linked: "Compte relié.",
    createNew: "Créer un nouveau dossier",
    createNewConfirm: (name: string) =>
      `Créer un nouveau dossier pour ${name} ? Les dossiers proposés seront marqués comme d’autres personnes.`,
    created: "Nouveau dossier créé.",
    dashboardCard: (n: number) =>
      n === 1
        ? "1 compte en ligne attend d’être relié à son dossier."
        : `${n} comptes en ligne attendent d’être reliés à leur dossier.`,
    checkIn: "Cette personne s’est inscrite en ligne et son compte attend d’être relié à ce dossier.",
    open: "Examiner dans la liste des doublons",
  },
  pending: {
    title: "Nous rapprochons votre compte de votre dossier hospitalier",
    body: "Vous avez peut-être déjà un dossier à l’hôpital. Un agent des admissions va y relier votre compte ; d’ici là, vos données ne sont pas affichées ici. Vous pouvez vous connecter ; vous n’avez rien d’autre à faire.",
  },
  errors: {
    pendingLink: "Nous rapprochons votre compte de votre dossier hospitalier ; il n’est pas encore disponible.",
    alreadyResolved: "Ce compte a déjà été relié ou a déjà reçu un dossier.",
    notACandidate: "Choisissez l’un des dossiers trouvés pour ce compte.",
    recordTaken: "Ce dossier est inactif ou déjà relié à un autre compte.",
  },
};
