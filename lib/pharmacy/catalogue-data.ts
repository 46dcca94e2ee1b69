// The hospital's starting drug catalogue: generic names lowercase INN-style, one therapeutic class
// per drug from the shared vocabulary (allergy-class and duplicate-therapy checks match on it).
// ensureDrugCatalogue (catalogue.ts) adds missing entries at start-up; admins edit the rest.

export const DRUG_CLASSES = [
  "penicillin", "cephalosporin", "carbapenem", "macrolide", "fluoroquinolone", "tetracycline",
  "sulfonamide", "nitroimidazole", "aminoglycoside", "oxazolidinone", "rifamycin", "nsaid",
  "salicylate", "opioid", "analgesic-other", "ssri", "snri", "maoi", "tricyclic", "benzodiazepine",
  "antipsychotic", "anticonvulsant", "statin", "ace-inhibitor", "arb", "beta-blocker",
  "calcium-channel-blocker", "thiazide", "loop-diuretic", "potassium-sparing-diuretic", "nitrate",
  "pde5-inhibitor", "vitamin-k-antagonist", "doac", "antiplatelet", "ppi", "h2-blocker",
  "azole-antifungal", "protease-inhibitor", "ergot-alkaloid", "antiarrhythmic", "triptan",
  "biguanide", "sulfonylurea", "insulin", "corticosteroid", "antihistamine", "bronchodilator",
  "antimalarial", "antimetabolite", "muscle-relaxant", "melatonin-agonist", "antiemetic",
  "potassium-supplement",
] as const;
export type DrugClass = (typeof DRUG_CLASSES)[number];

export const DRUG_FORMS = [
  "tablet", "capsule", "oral suspension", "oral solution", "injection", "inhaler",
  "sublingual tablet", "nasal spray", "cream", "suppository",
] as const;
export type DrugForm = (typeof DRUG_FORMS)[number];

export type CatalogueDrug = {
  genericName: string;
  brandName: string | null;
  form: DrugForm;
  strength: string;
  drugClass: DrugClass;
  reorderLevel: number;
};

const d = (
  genericName: string,
  brandName: string | null,
  form: DrugForm,
  strength: string,
  drugClass: DrugClass,
  reorderLevel = 50,
): CatalogueDrug => ({ genericName, brandName, form, strength, drugClass, reorderLevel });

export const DRUG_CATALOGUE: CatalogueDrug[] = [
  // Antibiotics
  d("amoxicillin", "Amoxil", "capsule", "500 mg", "penicillin", 100),
  d("amoxicillin", "Amoxil", "oral suspension", "250 mg/5 mL", "penicillin", 10),
  d("amoxicillin clavulanate", "Augmentin", "tablet", "875 mg/125 mg", "penicillin", 60),
  d("phenoxymethylpenicillin", "Penicillin VK", "tablet", "250 mg", "penicillin", 60),
  d("ampicillin", "Principen", "injection", "1 g", "penicillin", 20),
  d("cefalexin", "Keflex", "capsule", "500 mg", "cephalosporin", 60),
  d("ceftriaxone", "Rocephin", "injection", "1 g", "cephalosporin", 20),
  d("meropenem", "Merrem", "injection", "1 g", "carbapenem", 10),
  d("azithromycin", "Zithromax", "tablet", "500 mg", "macrolide", 30),
  d("clarithromycin", "Biaxin", "tablet", "500 mg", "macrolide", 40),
  d("erythromycin", "Ery-Tab", "tablet", "250 mg", "macrolide", 40),
  d("ciprofloxacin", "Cipro", "tablet", "500 mg", "fluoroquinolone", 60),
  d("levofloxacin", "Levaquin", "tablet", "500 mg", "fluoroquinolone", 30),
  d("doxycycline", "Vibramycin", "capsule", "100 mg", "tetracycline", 60),
  d("trimethoprim sulfamethoxazole", "Bactrim DS", "tablet", "160 mg/800 mg", "sulfonamide", 40),
  d("trimethoprim", "Primsol", "tablet", "200 mg", "sulfonamide", 30),
  d("metronidazole", "Flagyl", "tablet", "400 mg", "nitroimidazole", 60),
  d("gentamicin", "Garamycin", "injection", "80 mg/2 mL", "aminoglycoside", 20),
  d("linezolid", "Zyvox", "tablet", "600 mg", "oxazolidinone", 20),
  d("rifampicin", "Rifadin", "capsule", "300 mg", "rifamycin", 60),
  // Pain and inflammation
  d("ibuprofen", "Brufen", "tablet", "400 mg", "nsaid", 200),
  d("diclofenac", "Voltaren", "tablet", "50 mg", "nsaid", 100),
  d("naproxen", "Naprosyn", "tablet", "500 mg", "nsaid", 60),
  d("aspirin", "Aspirin", "tablet", "75 mg", "salicylate", 200),
  d("aspirin", "Aspirin", "tablet", "300 mg", "salicylate", 100),
  d("paracetamol", "Panadol", "tablet", "500 mg", "analgesic-other", 300),
  d("paracetamol", "Calpol", "oral suspension", "120 mg/5 mL", "analgesic-other", 10),
  d("tramadol", "Ultram", "capsule", "50 mg", "opioid", 60),
  d("morphine", "MST Continus", "tablet", "10 mg", "opioid", 30),
  d("morphine", null, "injection", "10 mg/mL", "opioid", 20),
  d("codeine", null, "tablet", "30 mg", "opioid", 60),
  d("pethidine", "Demerol", "injection", "50 mg/mL", "opioid", 10),
  // Mental health and neurology
  d("fluoxetine", "Prozac", "capsule", "20 mg", "ssri", 60),
  d("sertraline", "Zoloft", "tablet", "50 mg", "ssri", 60),
  d("fluvoxamine", "Luvox", "tablet", "100 mg", "ssri", 30),
  d("venlafaxine", "Effexor XR", "capsule", "75 mg", "snri", 30),
  d("phenelzine", "Nardil", "tablet", "15 mg", "maoi", 20),
  d("selegiline", "Eldepryl", "tablet", "5 mg", "maoi", 20),
  d("amitriptyline", "Elavil", "tablet", "25 mg", "tricyclic", 60),
  d("diazepam", "Valium", "tablet", "5 mg", "benzodiazepine", 60),
  d("haloperidol", "Haldol", "tablet", "5 mg", "antipsychotic", 30),
  d("pimozide", "Orap", "tablet", "2 mg", "antipsychotic", 20),
  d("thioridazine", "Mellaril", "tablet", "25 mg", "antipsychotic", 20),
  d("carbamazepine", "Tegretol", "tablet", "200 mg", "anticonvulsant", 60),
  d("phenytoin", "Dilantin", "capsule", "100 mg", "anticonvulsant", 60),
  d("sumatriptan", "Imitrex", "tablet", "50 mg", "triptan", 30),
  d("ergotamine", "Cafergot", "tablet", "1 mg", "ergot-alkaloid", 20),
  d("dihydroergotamine", "Migranal", "nasal spray", "0.5 mg/spray", "ergot-alkaloid", 5),
  d("tizanidine", "Zanaflex", "tablet", "4 mg", "muscle-relaxant", 30),
  d("ramelteon", "Rozerem", "tablet", "8 mg", "melatonin-agonist", 30),
  // Cardiovascular
  d("simvastatin", "Zocor", "tablet", "20 mg", "statin", 100),
  d("lovastatin", "Mevacor", "tablet", "20 mg", "statin", 60),
  d("atorvastatin", "Lipitor", "tablet", "20 mg", "statin", 100),
  d("lisinopril", "Zestril", "tablet", "10 mg", "ace-inhibitor", 100),
  d("enalapril", "Vasotec", "tablet", "10 mg", "ace-inhibitor", 60),
  d("losartan", "Cozaar", "tablet", "50 mg", "arb", 100),
  d("amlodipine", "Norvasc", "tablet", "5 mg", "calcium-channel-blocker", 100),
  d("atenolol", "Tenormin", "tablet", "50 mg", "beta-blocker", 60),
  d("metoprolol", "Lopressor", "tablet", "50 mg", "beta-blocker", 60),
  d("hydrochlorothiazide", "Microzide", "tablet", "25 mg", "thiazide", 60),
  d("furosemide", "Lasix", "tablet", "40 mg", "loop-diuretic", 100),
  d("spironolactone", "Aldactone", "tablet", "25 mg", "potassium-sparing-diuretic", 60),
  d("isosorbide mononitrate", "Imdur", "tablet", "30 mg", "nitrate", 60),
  d("nitroglycerin", "Nitrostat", "sublingual tablet", "0.4 mg", "nitrate", 30),
  d("sildenafil", "Viagra", "tablet", "50 mg", "pde5-inhibitor", 20),
  d("tadalafil", "Cialis", "tablet", "10 mg", "pde5-inhibitor", 20),
  d("amiodarone", "Cordarone", "tablet", "200 mg", "antiarrhythmic", 30),
  d("warfarin", "Coumadin", "tablet", "5 mg", "vitamin-k-antagonist", 60),
  d("apixaban", "Eliquis", "tablet", "5 mg", "doac", 60),
  d("clopidogrel", "Plavix", "tablet", "75 mg", "antiplatelet", 60),
  // Gastrointestinal
  d("omeprazole", "Prilosec", "capsule", "20 mg", "ppi", 100),
  d("pantoprazole", "Protonix", "tablet", "40 mg", "ppi", 60),
  d("ranitidine", "Zantac", "tablet", "150 mg", "h2-blocker", 40),
  d("ondansetron", "Zofran", "tablet", "4 mg", "antiemetic", 60),
  // Antifungals and antivirals
  d("ketoconazole", "Nizoral", "tablet", "200 mg", "azole-antifungal", 20),
  d("fluconazole", "Diflucan", "capsule", "150 mg", "azole-antifungal", 30),
  d("itraconazole", "Sporanox", "capsule", "100 mg", "azole-antifungal", 20),
  d("ritonavir", "Norvir", "tablet", "100 mg", "protease-inhibitor", 30),
  d("atazanavir", "Reyataz", "capsule", "300 mg", "protease-inhibitor", 30),
  // Endocrine
  d("metformin", "Glucophage", "tablet", "500 mg", "biguanide", 200),
  d("glibenclamide", "Daonil", "tablet", "5 mg", "sulfonylurea", 60),
  d("insulin glargine", "Lantus", "injection", "100 units/mL", "insulin", 10),
  d("prednisolone", "Deltacortril", "tablet", "5 mg", "corticosteroid", 100),
  // Respiratory and allergy
  d("cetirizine", "Zyrtec", "tablet", "10 mg", "antihistamine", 60),
  d("salbutamol", "Ventolin", "inhaler", "100 mcg/dose", "bronchodilator", 20),
  // Others
  d("artemether lumefantrine", "Coartem", "tablet", "20 mg/120 mg", "antimalarial", 48),
  d("methotrexate", "Trexall", "tablet", "2.5 mg", "antimetabolite", 30),
  d("potassium chloride", "Slow-K", "tablet", "600 mg", "potassium-supplement", 60),
];
