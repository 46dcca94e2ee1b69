// The knowledge behind the medication safety check (lib/prescriptions/safety.ts): drug classes,
// names that mean a drug or a class, allergens that are not medicines, and the interaction table.
// Names are lowercase INN-style generic names, as in the drug catalogue (lib/pharmacy/catalogue-data.ts).

import type { DrugClass } from "@/lib/pharmacy/catalogue-data";

export { DRUG_CLASSES, type DrugClass } from "@/lib/pharmacy/catalogue-data";

/**
 * Words a clinician writes for a class in an allergy ("penicillin", "sulfa drugs", "NSAIDs"), after
 * normalisation (lowercase, plural "s" dropped). Each class's own name is added by the code.
 */
export const CLASS_SYNONYMS: Record<string, DrugClass> = {
  penicillins: "penicillin",
  "beta lactam": "penicillin",
  "beta-lactam": "penicillin",
  "penicillin antibiotic": "penicillin",
  cephalosporins: "cephalosporin",
  carbapenems: "carbapenem",
  macrolides: "macrolide",
  quinolone: "fluoroquinolone",
  quinolones: "fluoroquinolone",
  fluoroquinolones: "fluoroquinolone",
  tetracyclines: "tetracycline",
  sulfa: "sulfonamide",
  "sulfa drug": "sulfonamide",
  "sulfa drugs": "sulfonamide",
  sulpha: "sulfonamide",
  "sulpha drugs": "sulfonamide",
  sulfonamides: "sulfonamide",
  sulphonamide: "sulfonamide",
  sulphonamides: "sulfonamide",
  "sulfa antibiotic": "sulfonamide",
  aminoglycosides: "aminoglycoside",
  nsaids: "nsaid",
  "non-steroidal anti-inflammatory": "nsaid",
  "anti-inflammatory": "nsaid",
  "anti-inflammatories": "nsaid",
  salicylates: "salicylate",
  opioids: "opioid",
  opiate: "opioid",
  opiates: "opioid",
  narcotic: "opioid",
  narcotics: "opioid",
  ssris: "ssri",
  maois: "maoi",
  "mao inhibitor": "maoi",
  tricyclics: "tricyclic",
  benzodiazepines: "benzodiazepine",
  antipsychotics: "antipsychotic",
  statins: "statin",
  "ace inhibitor": "ace-inhibitor",
  "ace inhibitors": "ace-inhibitor",
  arbs: "arb",
  "beta blocker": "beta-blocker",
  "beta blockers": "beta-blocker",
  "calcium channel blocker": "calcium-channel-blocker",
  thiazides: "thiazide",
  "loop diuretic": "loop-diuretic",
  nitrates: "nitrate",
  ppis: "ppi",
  "proton pump inhibitor": "ppi",
  "azole antifungal": "azole-antifungal",
  azoles: "azole-antifungal",
  triptans: "triptan",
  sulfonylureas: "sulfonylurea",
  corticosteroids: "corticosteroid",
  steroids: "corticosteroid",
  steroid: "corticosteroid",
  antihistamines: "antihistamine",
  "ergot alkaloid": "ergot-alkaloid",
  ergots: "ergot-alkaloid",
  "protease inhibitor": "protease-inhibitor",
};

/** Other names of a drug or ingredient (US names, brands, abbreviations) → its generic name. */
export const DRUG_SYNONYMS: Record<string, string> = {
  meperidine: "pethidine",
  demerol: "pethidine",
  acetaminophen: "paracetamol",
  tylenol: "paracetamol",
  panadol: "paracetamol",
  "acetylsalicylic acid": "aspirin",
  asa: "aspirin",
  "co-amoxiclav": "amoxicillin clavulanate",
  augmentin: "amoxicillin clavulanate",
  "amoxicillin clavulanic acid": "amoxicillin clavulanate",
  "amoxicillin/clavulanate": "amoxicillin clavulanate",
  amoxycillin: "amoxicillin",
  amoxil: "amoxicillin",
  "co-trimoxazole": "trimethoprim sulfamethoxazole",
  cotrimoxazole: "trimethoprim sulfamethoxazole",
  bactrim: "trimethoprim sulfamethoxazole",
  septra: "trimethoprim sulfamethoxazole",
  "sulfamethoxazole trimethoprim": "trimethoprim sulfamethoxazole",
  "tmp smx": "trimethoprim sulfamethoxazole",
  "penicillin v": "phenoxymethylpenicillin",
  "penicillin vk": "phenoxymethylpenicillin",
  cephalexin: "cefalexin",
  keflex: "cefalexin",
  rifampin: "rifampicin",
  albuterol: "salbutamol",
  ventolin: "salbutamol",
  glyburide: "glibenclamide",
  "glyceryl trinitrate": "nitroglycerin",
  gtn: "nitroglycerin",
  paracetamol: "paracetamol",
  coumadin: "warfarin",
  plavix: "clopidogrel",
  lipitor: "atorvastatin",
  zocor: "simvastatin",
  prozac: "fluoxetine",
  zoloft: "sertraline",
  viagra: "sildenafil",
  cialis: "tadalafil",
  cipro: "ciprofloxacin",
  zithromax: "azithromycin",
  flagyl: "metronidazole",
  lasix: "furosemide",
  frusemide: "furosemide",
  nexium: "esomeprazole",
  prilosec: "omeprazole",
  voltaren: "diclofenac",
  advil: "ibuprofen",
  nurofen: "ibuprofen",
  motrin: "ibuprofen",
  aleve: "naproxen",
};

/**
 * Drugs outside the catalogue that allergies commonly name, with their class, so that an allergy to
 * flucloxacillin still flags amoxicillin even though the hospital does not stock flucloxacillin.
 */
export const INGREDIENT_CLASS: Record<string, DrugClass> = {
  amoxicillin: "penicillin",
  ampicillin: "penicillin",
  phenoxymethylpenicillin: "penicillin",
  benzylpenicillin: "penicillin",
  "penicillin g": "penicillin",
  flucloxacillin: "penicillin",
  cloxacillin: "penicillin",
  dicloxacillin: "penicillin",
  piperacillin: "penicillin",
  nafcillin: "penicillin",
  oxacillin: "penicillin",
  cefalexin: "cephalosporin",
  cefuroxime: "cephalosporin",
  ceftriaxone: "cephalosporin",
  cefazolin: "cephalosporin",
  cefixime: "cephalosporin",
  ceftazidime: "cephalosporin",
  cefaclor: "cephalosporin",
  cefadroxil: "cephalosporin",
  meropenem: "carbapenem",
  imipenem: "carbapenem",
  ertapenem: "carbapenem",
  sulfamethoxazole: "sulfonamide",
  sulfadiazine: "sulfonamide",
  sulfasalazine: "sulfonamide",
  clarithromycin: "macrolide",
  erythromycin: "macrolide",
  azithromycin: "macrolide",
  ciprofloxacin: "fluoroquinolone",
  levofloxacin: "fluoroquinolone",
  moxifloxacin: "fluoroquinolone",
  doxycycline: "tetracycline",
  minocycline: "tetracycline",
  tetracycline: "tetracycline",
  ibuprofen: "nsaid",
  diclofenac: "nsaid",
  naproxen: "nsaid",
  ketorolac: "nsaid",
  indometacin: "nsaid",
  celecoxib: "nsaid",
  aspirin: "salicylate",
  codeine: "opioid",
  morphine: "opioid",
  tramadol: "opioid",
  pethidine: "opioid",
  oxycodone: "opioid",
  fentanyl: "opioid",
  esomeprazole: "ppi",
  lansoprazole: "ppi",
};

/** The ingredients of combination products; every other drug is its own single ingredient. */
export const COMBINATIONS: Record<string, string[]> = {
  "amoxicillin clavulanate": ["amoxicillin", "clavulanate"],
  "trimethoprim sulfamethoxazole": ["trimethoprim", "sulfamethoxazole"],
  "artemether lumefantrine": ["artemether", "lumefantrine"],
};

/**
 * Recorded allergies that are not medicines: recognised so that they pass the check explicitly
 * instead of becoming an UNCHECKED finding. Compared after normalisation (lowercase, plural "s"
 * dropped, "allergy" removed).
 */
export const NON_DRUG_ALLERGENS = [
  "latex",
  "rubber",
  "peanut",
  "nut",
  "tree nut",
  "almond",
  "cashew",
  "walnut",
  "hazelnut",
  "sesame",
  "shellfish",
  "crustacean",
  "shrimp",
  "prawn",
  "crab",
  "lobster",
  "fish",
  "egg",
  "milk",
  "cow milk",
  "dairy",
  "lactose",
  "soy",
  "soya",
  "wheat",
  "gluten",
  "strawberry",
  "kiwi",
  "banana",
  "pollen",
  "grass",
  "grass pollen",
  "hay fever",
  "ragweed",
  "tree pollen",
  "birch pollen",
  "dust",
  "house dust",
  "dust mite",
  "house dust mite",
  "mould",
  "mold",
  "cat",
  "dog",
  "animal dander",
  "pet dander",
  "horse",
  "bee sting",
  "bee",
  "wasp",
  "wasp sting",
  "insect sting",
  "insect bite",
  "mosquito",
  "nickel",
  "adhesive",
  "adhesive tape",
  "plaster",
  "sticking plaster",
  "perfume",
  "fragrance",
  "cosmetic",
  "sun",
  "cold",
];

export type Severity = "high" | "moderate" | "low";

/** One side of an interaction: drugs by generic (ingredient) name and/or by class. */
export type Matcher = { names?: string[]; classes?: DrugClass[] };

/** `group`: rules that say the same thing about a pair; only the first matching one is reported. */
export type InteractionRule = {
  id: string;
  group?: string;
  a: Matcher;
  b: Matcher;
  severity: Severity;
  message: string;
  source: string;
};

const ONC =
  "ONC high-priority DDI list: Phansalkar S et al., High-priority drug–drug interactions for use in electronic health records, J Am Med Inform Assoc 2012;19(5):735–743, doi:10.1136/amiajnl-2011-000612";
const EXTRA = "Well-known interaction (BNF / FDA labelling), added beyond the ONC list";

const MAOI: Matcher = {
  classes: ["maoi"],
  names: ["phenelzine", "selegiline", "tranylcypromine", "isocarboxazid", "procarbazine", "linezolid"],
};
// Strong CYP3A4 inhibitors present in or near the catalogue (azoles, macrolides except azithromycin, boosted PIs).
const CYP3A4_INHIBITORS: Matcher = {
  names: [
    "clarithromycin",
    "erythromycin",
    "ketoconazole",
    "itraconazole",
    "ritonavir",
    "atazanavir",
    "lopinavir",
    "saquinavir",
    "voriconazole",
    "posaconazole",
  ],
};
const CYP1A2_INHIBITORS: Matcher = { names: ["fluvoxamine", "ciprofloxacin"] };
// Drugs with a known risk of torsades de pointes (CredibleMeds "known risk" members in the catalogue).
export const QT_PROLONGING = [
  "amiodarone",
  "haloperidol",
  "pimozide",
  "thioridazine",
  "clarithromycin",
  "erythromycin",
  "azithromycin",
  "ciprofloxacin",
  "levofloxacin",
  "moxifloxacin",
  "ondansetron",
  "fluconazole",
  "citalopram",
  "escitalopram",
  "methadone",
  "artemether lumefantrine",
  "lumefantrine",
  "sotalol",
];

/**
 * The interaction table. The first fifteen rows are the ONC list (every pair, mapped to the catalogue
 * by generic name or class; a pair whose drugs the catalogue lacks still matches if they are added
 * to it). The rest are well-known extras. Each rule is checked both ways round.
 */
export const INTERACTIONS: InteractionRule[] = [
  {
    id: "onc-1",
    a: {
      names: [
        "amphetamine",
        "dextroamphetamine",
        "methylphenidate",
        "dexmethylphenidate",
        "lisdexamfetamine",
        "methamphetamine",
        "phentermine",
        "pseudoephedrine",
        "atomoxetine",
      ],
    },
    b: MAOI,
    severity: "high",
    source: ONC,
    message: "Amphetamine-like sympathomimetic with an MAO inhibitor: risk of hypertensive crisis. Contraindicated.",
  },
  {
    id: "onc-2",
    a: { names: ["atazanavir"] },
    b: { classes: ["ppi"] },
    severity: "high",
    source: ONC,
    message:
      "Atazanavir with a proton pump inhibitor: atazanavir absorption falls sharply, risking HIV treatment failure and resistance. Avoid.",
  },
  {
    id: "onc-3",
    a: { names: ["febuxostat"] },
    b: { names: ["azathioprine", "mercaptopurine"] },
    severity: "high",
    source: ONC,
    message:
      "Febuxostat with azathioprine or mercaptopurine: xanthine oxidase inhibition raises thiopurine levels, risking fatal bone-marrow suppression. Contraindicated.",
  },
  {
    id: "onc-4",
    group: "serotonin-maoi",
    a: { classes: ["ssri", "snri"] },
    b: MAOI,
    severity: "high",
    source: ONC,
    message:
      "SSRI/SNRI with an MAO inhibitor: risk of serotonin syndrome (hyperthermia, rigidity, death). Contraindicated; allow a washout (5 weeks after fluoxetine).",
  },
  {
    id: "onc-5",
    a: { names: ["irinotecan"] },
    b: CYP3A4_INHIBITORS,
    severity: "high",
    source: ONC,
    message:
      "Irinotecan with a strong CYP3A4 inhibitor: raised SN-38 exposure, severe neutropenia and diarrhoea. Avoid.",
  },
  {
    id: "onc-6",
    group: "serotonin-maoi",
    a: { names: ["pethidine", "tramadol", "methadone", "fentanyl", "dextromethorphan", "tapentadol"] },
    b: MAOI,
    severity: "high",
    source: ONC,
    message:
      "Serotonergic opioid (pethidine, tramadol, methadone, fentanyl) with an MAO inhibitor: risk of serotonin syndrome and fatal reactions. Contraindicated.",
  },
  {
    id: "onc-7",
    group: "serotonin-maoi",
    a: { classes: ["tricyclic"] },
    b: MAOI,
    severity: "high",
    source: ONC,
    message:
      "Tricyclic antidepressant with an MAO inhibitor: risk of serotonin syndrome and hypertensive crisis. Contraindicated.",
  },
  {
    id: "onc-8",
    group: "qt",
    a: { names: ["pimozide", "thioridazine"] },
    b: { names: QT_PROLONGING },
    severity: "high",
    source: ONC,
    message:
      "Pimozide or thioridazine with another QT-prolonging drug: additive QT prolongation, risk of torsades de pointes. Contraindicated.",
  },
  {
    id: "onc-9",
    a: { names: ["ramelteon"] },
    b: CYP1A2_INHIBITORS,
    severity: "high",
    source: ONC,
    message:
      "Ramelteon with a strong CYP1A2 inhibitor (fluvoxamine): ramelteon exposure rises about 100-fold. Contraindicated.",
  },
  {
    id: "onc-10",
    a: { names: ["rifampicin", "rifabutin", "carbamazepine", "phenytoin", "phenobarbital", "st john's wort"] },
    b: { classes: ["protease-inhibitor"] },
    severity: "high",
    source: ONC,
    message:
      "Strong CYP3A4 inducer with an HIV protease inhibitor: protease inhibitor levels fall, risking treatment failure and resistance. Contraindicated.",
  },
  {
    id: "onc-11",
    a: { names: ["simvastatin", "lovastatin"] },
    b: CYP3A4_INHIBITORS,
    severity: "high",
    source: ONC,
    message:
      "Simvastatin or lovastatin with a strong CYP3A4 inhibitor or protease inhibitor: statin levels rise many-fold, risk of myopathy and rhabdomyolysis. Contraindicated.",
  },
  {
    id: "onc-12",
    a: { classes: ["ergot-alkaloid"], names: ["ergotamine", "dihydroergotamine"] },
    b: CYP3A4_INHIBITORS,
    severity: "high",
    source: ONC,
    message:
      "Ergot alkaloid with a strong CYP3A4 inhibitor or protease inhibitor: risk of ergotism (acute vasospasm, limb and cerebral ischaemia). Contraindicated.",
  },
  {
    id: "onc-13",
    a: { names: ["tizanidine"] },
    b: CYP1A2_INHIBITORS,
    severity: "high",
    source: ONC,
    message:
      "Tizanidine with a strong CYP1A2 inhibitor (fluvoxamine, ciprofloxacin): tizanidine levels rise 10-fold or more, severe hypotension and sedation. Contraindicated.",
  },
  {
    id: "onc-14",
    a: { names: ["tranylcypromine"] },
    b: { names: ["procarbazine"] },
    severity: "high",
    source: ONC,
    message:
      "Tranylcypromine with procarbazine: additive MAO inhibition, risk of hypertensive crisis. Contraindicated.",
  },
  {
    id: "onc-15",
    group: "serotonin-maoi",
    a: { classes: ["triptan"] },
    b: MAOI,
    severity: "high",
    source: ONC,
    message:
      "Triptan with an MAO inhibitor: MAO-A inhibition raises triptan levels, risk of serotonin syndrome and vasospasm. Contraindicated.",
  },

  {
    id: "warfarin-nsaid",
    a: { classes: ["vitamin-k-antagonist"] },
    b: { classes: ["nsaid", "salicylate"] },
    severity: "high",
    source: EXTRA,
    message:
      "Warfarin with an NSAID or aspirin: additive bleeding risk (gastrointestinal haemorrhage). Avoid, or protect the stomach and monitor INR closely.",
  },
  {
    id: "warfarin-antiplatelet",
    a: { classes: ["vitamin-k-antagonist", "doac"] },
    b: { classes: ["antiplatelet"] },
    severity: "high",
    source: EXTRA,
    message:
      "Anticoagulant with an antiplatelet drug: additive bleeding risk. Combine only with a clear indication and review its duration.",
  },
  {
    id: "doac-nsaid",
    a: { classes: ["doac"] },
    b: { classes: ["nsaid", "salicylate"] },
    severity: "high",
    source: EXTRA,
    message: "Direct oral anticoagulant with an NSAID or aspirin: additive bleeding risk. Avoid where possible.",
  },
  {
    id: "two-anticoagulants",
    a: { classes: ["vitamin-k-antagonist"] },
    b: { classes: ["doac"] },
    severity: "high",
    source: EXTRA,
    message:
      "Warfarin with a direct oral anticoagulant: two anticoagulants at once, high bleeding risk. Switch deliberately, not concurrently.",
  },
  {
    id: "warfarin-potentiators",
    a: { classes: ["vitamin-k-antagonist"] },
    b: {
      names: [
        "metronidazole",
        "fluconazole",
        "trimethoprim sulfamethoxazole",
        "sulfamethoxazole",
        "amiodarone",
        "clarithromycin",
        "erythromycin",
        "ciprofloxacin",
        "levofloxacin",
      ],
    },
    severity: "high",
    source: EXTRA,
    message:
      "Warfarin with a drug that inhibits its metabolism (metronidazole, azole, co-trimoxazole, amiodarone, macrolide, quinolone): INR rises, risk of bleeding. Reduce the dose or monitor INR closely.",
  },
  {
    id: "methotrexate-nsaid",
    a: { names: ["methotrexate"] },
    b: { classes: ["nsaid", "salicylate"] },
    severity: "high",
    source: EXTRA,
    message:
      "Methotrexate with an NSAID or aspirin: reduced methotrexate clearance, risk of toxicity (marrow suppression, mucositis).",
  },
  {
    id: "methotrexate-trimethoprim",
    a: { names: ["methotrexate"] },
    b: { names: ["trimethoprim"] },
    severity: "high",
    source: EXTRA,
    message:
      "Methotrexate with trimethoprim or co-trimoxazole: additive antifolate effect, risk of fatal bone-marrow suppression. Avoid.",
  },
  {
    id: "simvastatin-amiodarone",
    a: { names: ["simvastatin", "lovastatin"] },
    b: { names: ["amiodarone"] },
    severity: "moderate",
    source: EXTRA,
    message:
      "Simvastatin or lovastatin with amiodarone: raised statin levels, risk of myopathy. Do not exceed simvastatin 20 mg daily.",
  },
  {
    id: "nitrate-pde5",
    a: { classes: ["nitrate"] },
    b: { classes: ["pde5-inhibitor"] },
    severity: "high",
    source: EXTRA,
    message: "Nitrate with a PDE5 inhibitor: profound, possibly fatal hypotension. Contraindicated.",
  },
  {
    id: "pde5-protease",
    a: { classes: ["pde5-inhibitor"] },
    b: { names: ["ritonavir", "atazanavir", "ketoconazole", "itraconazole", "clarithromycin"] },
    severity: "moderate",
    source: EXTRA,
    message:
      "PDE5 inhibitor with a strong CYP3A4 inhibitor: PDE5 inhibitor levels rise, risk of hypotension and priapism. Use a reduced dose.",
  },
  {
    id: "hyperkalaemia",
    a: { classes: ["ace-inhibitor", "arb"] },
    b: { classes: ["potassium-sparing-diuretic", "potassium-supplement"] },
    severity: "moderate",
    source: EXTRA,
    message:
      "ACE inhibitor or ARB with a potassium-sparing diuretic or potassium supplement: risk of hyperkalaemia. Monitor potassium and renal function.",
  },
  {
    id: "ace-arb",
    a: { classes: ["ace-inhibitor"] },
    b: { classes: ["arb"] },
    severity: "moderate",
    source: EXTRA,
    message:
      "ACE inhibitor with an ARB: dual renin-angiotensin blockade, risk of hyperkalaemia, hypotension and renal failure without added benefit.",
  },
  {
    id: "clopidogrel-ppi",
    a: { names: ["clopidogrel"] },
    b: { names: ["omeprazole", "esomeprazole"] },
    severity: "moderate",
    source: EXTRA,
    message:
      "Clopidogrel with omeprazole or esomeprazole: CYP2C19 inhibition reduces clopidogrel's antiplatelet effect. Prefer pantoprazole.",
  },
  {
    id: "opioid-benzodiazepine",
    a: { classes: ["opioid"] },
    b: { classes: ["benzodiazepine"] },
    severity: "high",
    source: EXTRA,
    message:
      "Opioid with a benzodiazepine: profound sedation, respiratory depression, coma and death (FDA boxed warning). Limit doses and duration.",
  },
  {
    id: "serotonergic-opioid-ssri",
    a: { names: ["tramadol", "pethidine", "methadone", "fentanyl"] },
    b: { classes: ["ssri", "snri", "tricyclic"] },
    severity: "moderate",
    source: EXTRA,
    message:
      "Serotonergic opioid with an SSRI/SNRI or tricyclic: risk of serotonin syndrome and, with tramadol, seizures.",
  },
  {
    id: "linezolid-serotonergic",
    group: "serotonin-maoi",
    a: { names: ["linezolid"] },
    b: { classes: ["ssri", "snri", "tricyclic", "triptan"] },
    severity: "high",
    source: EXTRA,
    message:
      "Linezolid (a reversible MAO inhibitor) with a serotonergic drug: risk of serotonin syndrome. Avoid unless closely monitored.",
  },
  {
    id: "qt-combination",
    group: "qt",
    a: { names: QT_PROLONGING },
    b: { names: QT_PROLONGING },
    severity: "high",
    source: EXTRA,
    message:
      "Two QT-prolonging drugs: additive QT prolongation, risk of torsades de pointes. Check the ECG and electrolytes or choose an alternative.",
  },
  {
    id: "clarithromycin-carbamazepine",
    a: { names: ["clarithromycin", "erythromycin"] },
    b: { names: ["carbamazepine"] },
    severity: "moderate",
    source: EXTRA,
    message:
      "Clarithromycin or erythromycin with carbamazepine: carbamazepine levels rise, risk of toxicity (ataxia, diplopia).",
  },
  {
    id: "rifampicin-anticoagulant",
    a: { names: ["rifampicin"] },
    b: { classes: ["vitamin-k-antagonist", "doac"] },
    severity: "high",
    source: EXTRA,
    message:
      "Rifampicin with an oral anticoagulant: strong enzyme induction lowers anticoagulant levels, risk of thrombosis.",
  },
  {
    id: "spironolactone-potassium",
    a: { classes: ["potassium-sparing-diuretic"] },
    b: { classes: ["potassium-supplement"] },
    severity: "moderate",
    source: EXTRA,
    message: "Potassium-sparing diuretic with a potassium supplement: risk of hyperkalaemia.",
  },
];
