import type { Messages } from "./en";

// French strings for prescribing, the prescription pages, the PDF and the public /rx page (same shape as prescriptions.en.ts).
export const prescriptionsFr: Messages["prescriptions"] = {
  phrases: {
    title: (patient: string) => `Ordonnance de ${patient}`,
    lines: (n: number) => (n === 1 ? "1 médicament" : `${n} médicaments`),
    days: (n: number) => (n === 1 ? "1 jour" : `${n} jours`),
    issuedBy: (name: string) => `Prescrite par ${name}`,
    quantityNeeded:
      "Indiquez une quantité : elle ne peut pas être calculée à partir de cette dose, de ce dosage et de cette fréquence",
  },
  nav: { prescriptions: "Ordonnances" },
  notify: { created: "Nouvelle ordonnance" },
  statuses: {
    ACTIVE: "Active",
    PARTIALLY_DISPENSED: "Délivrée en partie",
    DISPENSED: "Délivrée",
    REVOKED: "Annulée",
    EXPIRED: "Expirée",
  },
  kinds: {
    ALLERGY: "Allergie",
    ALLERGY_CLASS: "Allergie (classe médicamenteuse)",
    INTERACTION: "Interaction",
    DUPLICATE_THERAPY: "Redondance thérapeutique",
    UNCHECKED: "Non vérifié",
  },
  severities: { high: "Élevée", moderate: "Modérée", low: "Faible" },
  findings: {
    recorded: (substance: string, severity: string) =>
      `allergie enregistrée à ${substance}${severity ? ` (${severity})` : ""}`,
    allergy: (drug: string, ingredient: string, recorded: string) => `${drug} contient ${ingredient} : ${recorded}.`,
    allergyClass: (drug: string, cls: string, recorded: string) =>
      `${drug} appartient à la classe ${cls} : ${recorded}, qui couvre cette classe.`,
    allergyCross: (drug: string, cls: string, recorded: string, from: string) =>
      `${drug} appartient à la classe ${cls} : ${recorded} (${from}). Une réaction croisée est rare (environ 1 à 2 %) mais possible ; à éviter si la réaction était une anaphylaxie.`,
    allergyUnknown: (substance: string) =>
      `L'allergie enregistrée « ${substance} » ne correspond à aucun médicament, nom de marque ou classe connus : elle n'a pas pu être vérifiée pour cette ordonnance. Vérifiez que le traitement est sans danger, puis indiquez la raison.`,
    interactionLive: (message: string, drug: string) => `${message} (${drug} figure sur une ordonnance en cours)`,
    duplicateIngredient: (ingredient: string, where: string) => `${ingredient} est prescrit deux fois${where}.`,
    duplicateClass: (drug: string, other: string, cls: string, where: string) =>
      `${drug} et ${other} appartiennent tous deux à la classe ${cls}${where} : redondance thérapeutique.`,
    whereCurrent: " (dont une ordonnance en cours)",
    whereThis: " sur cette ordonnance",
    noClass: (drug: string) =>
      `${drug} n'a pas de classe médicamenteuse connue dans le catalogue : les allergies de classe et la redondance thérapeutique n'ont pas pu être vérifiées pour ce médicament.`,
    interactions: {
      "onc-1": "Sympathomimétique amphétaminique avec un IMAO : risque de crise hypertensive. Contre-indiqué.",
      "onc-2":
        "Atazanavir avec un inhibiteur de la pompe à protons : l'absorption de l'atazanavir chute fortement, risque d'échec du traitement anti-VIH et de résistance. À éviter.",
      "onc-3":
        "Fébuxostat avec l'azathioprine ou la mercaptopurine : l'inhibition de la xanthine oxydase augmente les taux de thiopurine, risque d'aplasie médullaire mortelle. Contre-indiqué.",
      "onc-4":
        "ISRS/IRSNa avec un IMAO : risque de syndrome sérotoninergique (hyperthermie, rigidité, décès). Contre-indiqué ; respecter une fenêtre thérapeutique (5 semaines après la fluoxétine).",
      "onc-5":
        "Irinotécan avec un inhibiteur puissant du CYP3A4 : exposition accrue au SN-38, neutropénie et diarrhée sévères. À éviter.",
      "onc-6":
        "Opioïde sérotoninergique (péthidine, tramadol, méthadone, fentanyl) avec un IMAO : risque de syndrome sérotoninergique et de réactions mortelles. Contre-indiqué.",
      "onc-7":
        "Antidépresseur tricyclique avec un IMAO : risque de syndrome sérotoninergique et de crise hypertensive. Contre-indiqué.",
      "onc-8":
        "Pimozide ou thioridazine avec un autre médicament allongeant le QT : allongement additif du QT, risque de torsades de pointes. Contre-indiqué.",
      "onc-9":
        "Ramelteon avec un inhibiteur puissant du CYP1A2 (fluvoxamine) : l'exposition au ramelteon est multipliée par environ 100. Contre-indiqué.",
      "onc-10":
        "Inducteur puissant du CYP3A4 avec un inhibiteur de protéase du VIH : les taux de l'inhibiteur de protéase chutent, risque d'échec du traitement et de résistance. Contre-indiqué.",
      "onc-11":
        "Simvastatine ou lovastatine avec un inhibiteur puissant du CYP3A4 ou un inhibiteur de protéase : les taux de statine sont multipliés, risque de myopathie et de rhabdomyolyse. Contre-indiqué.",
      "onc-12":
        "Dérivé de l'ergot de seigle avec un inhibiteur puissant du CYP3A4 ou un inhibiteur de protéase : risque d'ergotisme (vasospasme aigu, ischémie des membres et cérébrale). Contre-indiqué.",
      "onc-13":
        "Tizanidine avec un inhibiteur puissant du CYP1A2 (fluvoxamine, ciprofloxacine) : les taux de tizanidine sont multipliés par 10 ou plus, hypotension et sédation sévères. Contre-indiqué.",
      "onc-14":
        "Tranylcypromine avec la procarbazine : inhibition additive de la MAO, risque de crise hypertensive. Contre-indiqué.",
      "onc-15":
        "Triptan avec un IMAO : l'inhibition de la MAO-A augmente les taux de triptan, risque de syndrome sérotoninergique et de vasospasme. Contre-indiqué.",
      "warfarin-nsaid":
        "Warfarine avec un AINS ou l'aspirine : risque hémorragique additif (hémorragie digestive). À éviter, ou protéger l'estomac et surveiller étroitement l'INR.",
      "warfarin-antiplatelet":
        "Anticoagulant avec un antiagrégant plaquettaire : risque hémorragique additif. N'associer qu'avec une indication claire et en réévaluer la durée.",
      "doac-nsaid":
        "Anticoagulant oral direct avec un AINS ou l'aspirine : risque hémorragique additif. À éviter si possible.",
      "two-anticoagulants":
        "Warfarine avec un anticoagulant oral direct : deux anticoagulants à la fois, risque hémorragique élevé. Faire le relais délibérément, pas en même temps.",
      "warfarin-potentiators":
        "Warfarine avec un médicament qui inhibe son métabolisme (métronidazole, azolé, cotrimoxazole, amiodarone, macrolide, quinolone) : l'INR augmente, risque hémorragique. Réduire la dose ou surveiller étroitement l'INR.",
      "methotrexate-nsaid":
        "Méthotrexate avec un AINS ou l'aspirine : clairance du méthotrexate réduite, risque de toxicité (aplasie médullaire, mucite).",
      "methotrexate-trimethoprim":
        "Méthotrexate avec le triméthoprime ou le cotrimoxazole : effet antifolique additif, risque d'aplasie médullaire mortelle. À éviter.",
      "simvastatin-amiodarone":
        "Simvastatine ou lovastatine avec l'amiodarone : taux de statine augmentés, risque de myopathie. Ne pas dépasser 20 mg de simvastatine par jour.",
      "nitrate-pde5":
        "Dérivé nitré avec un inhibiteur de la PDE5 : hypotension profonde, potentiellement mortelle. Contre-indiqué.",
      "pde5-protease":
        "Inhibiteur de la PDE5 avec un inhibiteur puissant du CYP3A4 : les taux de l'inhibiteur de la PDE5 augmentent, risque d'hypotension et de priapisme. Utiliser une dose réduite.",
      hyperkalaemia:
        "IEC ou sartan avec un diurétique épargneur de potassium ou un supplément de potassium : risque d'hyperkaliémie. Surveiller la kaliémie et la fonction rénale.",
      "ace-arb":
        "IEC avec un sartan : double blocage du système rénine-angiotensine, risque d'hyperkaliémie, d'hypotension et d'insuffisance rénale sans bénéfice supplémentaire.",
      "clopidogrel-ppi":
        "Clopidogrel avec l'oméprazole ou l'ésoméprazole : l'inhibition du CYP2C19 réduit l'effet antiagrégant du clopidogrel. Préférer le pantoprazole.",
      "opioid-benzodiazepine":
        "Opioïde avec une benzodiazépine : sédation profonde, dépression respiratoire, coma et décès (avertissement encadré de la FDA). Limiter les doses et la durée.",
      "serotonergic-opioid-ssri":
        "Opioïde sérotoninergique avec un ISRS/IRSNa ou un tricyclique : risque de syndrome sérotoninergique et, avec le tramadol, de convulsions.",
      "linezolid-serotonergic":
        "Linézolide (un IMAO réversible) avec un médicament sérotoninergique : risque de syndrome sérotoninergique. À éviter sauf surveillance étroite.",
      "qt-combination":
        "Deux médicaments allongeant le QT : allongement additif du QT, risque de torsades de pointes. Contrôler l'ECG et les électrolytes ou choisir une alternative.",
      "clarithromycin-carbamazepine":
        "Clarithromycine ou érythromycine avec la carbamazépine : les taux de carbamazépine augmentent, risque de toxicité (ataxie, diplopie).",
      "rifampicin-anticoagulant":
        "Rifampicine avec un anticoagulant oral : la forte induction enzymatique abaisse les taux d'anticoagulant, risque de thrombose.",
      "spironolactone-potassium":
        "Diurétique épargneur de potassium avec un supplément de potassium : risque d'hyperkaliémie.",
    },
  },
  allergySeverities: { mild: "légère", moderate: "modérée", severe: "sévère" },
  list: {
    title: "Ordonnances",
    mine: "Mes ordonnances",
    status: "Statut",
    anyStatus: "Tous les statuts",
    filter: "Filtrer",
    none: "Aucune ordonnance ne correspond.",
    issued: "Prescrite le",
    patient: "Patient",
    prescriber: "Prescripteur",
    drugs: "Médicaments",
    expires: "Expire le",
    forPatient: "Pour le patient",
    clearPatient: "Tous les patients",
  },
  form: {
    title: "Nouvelle ordonnance",
    patient: "Patient",
    allergies: "Allergies connues",
    noAllergies: "Aucune allergie enregistrée",
    consultation: "Depuis la consultation",
    drug: "Médicament",
    searchDrug: "Rechercher dans le catalogue",
    searchHint: "Saisissez au moins 2 lettres d'un nom de molécule ou de marque",
    noDrugs: "Aucun médicament du catalogue ne correspond.",
    change: "Changer",
    dose: "Dose",
    doseHint: "par ex. 500 mg ou 1 comprimé",
    route: "Voie",
    frequency: "Fréquence",
    frequencyHint: "par ex. trois fois par jour, toutes les 8 heures",
    duration: "Jours",
    quantity: "Quantité",
    quantityHint:
      "Unités à délivrer ; laissez vide pour la calculer à partir de la dose, de la fréquence et du nombre de jours",
    instructions: "Consignes",
    addLine: "Ajouter un autre médicament",
    removeLine: "Retirer",
    line: "Médicament",
    submit: "Vérifier et prescrire",
    submitting: "Vérification…",
    blockedTitle: "Contrôle de sécurité : cette ordonnance n'a pas été enregistrée",
    blockedHint:
      "Modifiez les médicaments, ou indiquez un motif pour prescrire malgré ces alertes. Le motif et les alertes sont conservés avec l'ordonnance et dans le journal d'audit.",
    overrideReason: "Motif pour prescrire malgré les alertes",
    override: "Prescrire quand même",
    pickDrug: "Choisissez un médicament",
    choosePatient: "Choisissez le patient",
    patientSearch: "Rechercher le patient (nom, n° de dossier ou téléphone)",
    searchButton: "Rechercher",
    noMatches: "Aucun patient ne correspond.",
    chosen: "Prescription pour",
  },
  routes: [
    "orale",
    "intraveineuse",
    "intramusculaire",
    "sous-cutanée",
    "inhalée",
    "cutanée",
    "sublinguale",
    "rectale",
    "nasale",
  ],
  detail: {
    back: "Toutes les ordonnances",
    summary: "Ordonnance",
    number: "Numéro",
    patient: "Patient",
    prescriber: "Prescripteur",
    issued: "Prescrite le",
    expires: "Valable jusqu'au",
    status: "Statut",
    consultation: "Consultation",
    lines: "Médicaments",
    drug: "Médicament",
    dose: "Dose",
    route: "Voie",
    frequency: "Fréquence",
    duration: "Durée",
    quantity: "Quantité",
    dispensed: "Délivré",
    instructions: "Consignes",
    findings: "Alertes de sécurité",
    noFindings: "Le contrôle de sécurité n'a rien trouvé.",
    override: "Prescrite malgré les alertes pour le motif suivant",
    overrideAcknowledged: "Prise en compte par le pharmacien",
    notAcknowledged: "Aucun pharmacien n'a encore pris en compte la dérogation : elle ne peut pas être délivrée avant.",
    revoked: "Annulée",
    revokeReason: "Motif",
    pdf: "Télécharger le PDF",
    pdfLetter: "Format US Letter",
    verify: "Page de vérification",
    created: "Ordonnance émise.",
    revoke: "Annuler cette ordonnance",
    revokeHint: "Le QR code l'indiquera alors comme annulée et elle ne pourra plus être délivrée.",
    revokeSubmit: "Annuler l'ordonnance",
    revokeDone: "Ordonnance annulée.",
    confirmRevokeTitle: "Annuler cette ordonnance ?",
    confirmRevokeText:
      "Elle ne pourra plus être délivrée : la pharmacie et le QR code l'indiqueront comme annulée, avec votre motif. C'est définitif ; prescrivez à nouveau si le patient en a encore besoin.",
    confirmRevoke: "Annuler l'ordonnance",
    confirmBack: "Retour",
    chart: "dossier",
  },
  chart: {
    title: "Ordonnances",
    prescribe: "Prescrire",
    all: "Toutes les ordonnances",
    none: "Aucune ordonnance pour l'instant.",
  },
  rx: {
    title: "Vérification d'ordonnance",
    invalidTitle: "Ordonnance non valide",
    invalidBody:
      "Ce code ne correspond à aucune ordonnance émise par cet hôpital. Il a peut-être été mal saisi ou falsifié.",
    status: "Statut",
    issued: "Prescrite le",
    expires: "Valable jusqu'au",
    prescriber: "Prescripteur",
    patient: "Patient",
    drugs: "Médicaments",
    openForDispensing: "Ouvrir pour la délivrance",
    privacy: "Seules les informations nécessaires à la vérification de cette ordonnance sont affichées ici.",
    verdict: {
      ACTIVE: "Cette ordonnance est active : elle peut être délivrée.",
      PARTIALLY_DISPENSED: "Cette ordonnance est active et délivrée en partie : le reste peut être délivré.",
      DISPENSED: "Cette ordonnance a été entièrement délivrée.",
      REVOKED: "Cette ordonnance a été annulée par le prescripteur. Ne pas délivrer.",
      EXPIRED: "Cette ordonnance a expiré. Ne pas délivrer.",
    },
  },
  pdf: {
    title: "Ordonnance",
    patient: "Patient",
    mrn: "N° de dossier",
    dob: "Date de naissance",
    allergies: "Allergies",
    noAllergies: "Aucune enregistrée",
    prescriber: "Prescripteur",
    date: "Date",
    validUntil: "Valable jusqu'au",
    number: "N°",
    registration: "N° d'inscription",
    signature: "Signature",
    scan: "Scanner pour vérifier",
    safetyTitle: "Prescrite malgré des alertes de sécurité",
    reason: "Raison du prescripteur",
    head: ["Médicament", "Dose", "Voie", "Fréquence", "Jours", "Qté"],
  },
  errors: {
    patient: "Choisissez un patient",
    items: "Ajoutez au moins un médicament",
    tooMany: "Au plus 20 médicaments par ordonnance",
    drug: "Choisissez un médicament du catalogue",
    dose: "Indiquez la dose",
    route: "Indiquez la voie d'administration",
    frequency: "Indiquez la fréquence",
    duration: "Indiquez le nombre de jours (1–365)",
    quantity: "Indiquez un nombre entier d'unités (1–10000)",
    reason: "Indiquez un motif (au moins 5 caractères)",
    drugInactive: "Ce médicament ne figure pas au catalogue ou n'est plus disponible",
    consultation: "Cette consultation n'est pas celle de ce patient",
    safety:
      "Le contrôle de sécurité a détecté des problèmes sur cette ordonnance. Examinez-les, ou indiquez un motif pour passer outre.",
    dispensed: "Une ordonnance entièrement délivrée ne peut pas être annulée.",
    alreadyRevoked: "Cette ordonnance est déjà annulée.",
    notYours: "Seul le médecin prescripteur peut annuler cette ordonnance.",
  },
};
