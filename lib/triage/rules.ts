// The built-in triage engine: symptom keywords and phrases (English and French) → department,
// weighted, negation-aware, with red flags that push to Emergency. Pure and offline.

export type RulesResult = {
  /** The chosen department's name, as it exists in the given list. */
  department: string;
  confidence: number;
  plannedStayDays: number | null;
  details: {
    matched: string[];
    redFlags: string[];
    negated: string[];
    scores: Record<string, number>;
    fallback?: string;
  };
};

export const GENERAL = "General Medicine";
export const EMERGENCY = "Emergency";

type Rule = { dept: string; weight: number; terms: string[]; stay?: number };
type RedFlag = { name: string; stay: number; any: string[]; with?: string[] };

// Each term is a phrase; words are compared after folding case and accents and a light stemming,
// so "Douleurs thoraciques" matches "douleur thoracique" and "seizures" matches "seizure".
const RULES: Rule[] = [
  // Cardiology
  {
    dept: "Cardiology",
    weight: 4,
    terms: [
      "chest pain",
      "pain in my chest",
      "chest tightness",
      "tight chest",
      "douleur thoracique",
      "douleur a la poitrine",
      "douleur dans la poitrine",
      "mal a la poitrine",
      "oppression thoracique",
      "angine de poitrine",
      "angina",
    ],
    stay: 2,
  },
  {
    dept: "Cardiology",
    weight: 3,
    terms: [
      "palpitation",
      "heart racing",
      "racing heart",
      "irregular heartbeat",
      "heart pounding",
      "arrhythmia",
      "arythmie",
      "coeur qui bat vite",
      "coeur qui s emballe",
      "battements irreguliers",
      "tachycardie",
      "tachycardia",
    ],
  },
  {
    dept: "Cardiology",
    weight: 2,
    terms: [
      "high blood pressure",
      "hypertension",
      "tension elevee",
      "swollen ankle",
      "swollen leg",
      "chevilles enflee",
      "jambes gonflee",
      "heart failure",
      "insuffisance cardiaque",
      "fainted",
      "fainting",
      "syncope",
      "evanouissement",
      "evanoui",
    ],
  },
  // Neurology
  {
    dept: "Neurology",
    weight: 3,
    terms: ["seizure", "convulsion", "epilepsy", "epileptic", "epilepsie", "crise d epilepsie"],
    stay: 2,
  },
  {
    dept: "Neurology",
    weight: 3,
    terms: [
      "numbness",
      "numb",
      "engourdissement",
      "engourdi",
      "tingling",
      "fourmillement",
      "weakness on one side",
      "one sided weakness",
      "faiblesse d un cote",
      "paralysis",
      "paralysie",
      "slurred speech",
      "trouble de la parole",
      "difficulte a parler",
      "face drooping",
      "visage qui tombe",
      "tremor",
      "tremblement",
      "memory loss",
      "perte de memoire",
    ],
  },
  {
    dept: "Neurology",
    weight: 2,
    terms: [
      "headache",
      "migraine",
      "mal de tete",
      "maux de tete",
      "cephalee",
      "dizziness",
      "dizzy",
      "vertigo",
      "vertige",
      "etourdissement",
      "confusion",
      "confused",
    ],
  },
  // Orthopedics
  {
    dept: "Orthopedics",
    weight: 5,
    terms: [
      "broken arm",
      "broken leg",
      "broken wrist",
      "broken ankle",
      "broken bone",
      "broken hip",
      "bras casse",
      "jambe cassee",
      "poignet casse",
      "cheville cassee",
      "os casse",
      "hip fracture",
      "fracture de la hanche",
      "fracture du col du femur",
    ],
    stay: 2,
  },
  {
    dept: "Orthopedics",
    weight: 4,
    terms: [
      "fracture",
      "fractured",
      "sprain",
      "sprained",
      "twisted ankle",
      "entorse",
      "foulure",
      "cheville tordue",
      "dislocated",
      "dislocation",
      "luxation",
      "deboite",
    ],
  },
  {
    dept: "Orthopedics",
    weight: 2,
    terms: [
      "back pain",
      "mal de dos",
      "mal au dos",
      "douleur lombaire",
      "lombalgie",
      "sciatique",
      "sciatica",
      "joint pain",
      "douleur articulaire",
      "knee pain",
      "mal au genou",
      "douleur au genou",
      "shoulder pain",
      "douleur a l epaule",
      "mal a l epaule",
      "hip pain",
      "douleur a la hanche",
      "arthrose",
      "arthritis",
      "arthrite",
    ],
  },
  {
    dept: "Orthopedics",
    weight: 1,
    terms: ["fell", "fall", "chute", "tombe", "knee", "genou", "shoulder", "epaule", "wrist", "poignet"],
  },
  // Pediatrics (the patient is a child)
  {
    dept: "Pediatrics",
    weight: 5,
    terms: [
      "fever in a child",
      "child with fever",
      "child has fever",
      "child has a fever",
      "feverish child",
      "fievre chez l enfant",
      "enfant a de la fievre",
      "enfant fievreux",
      "fievre du bebe",
      "baby has fever",
      "baby has a fever",
      "bebe a de la fievre",
    ],
  },
  {
    dept: "Pediatrics",
    weight: 4,
    terms: [
      "child",
      "children",
      "kid",
      "baby",
      "infant",
      "toddler",
      "newborn",
      "my son",
      "my daughter",
      "enfant",
      "bebe",
      "nourrisson",
      "nouveau ne",
      "mon fils",
      "ma fille",
      "petit garcon",
      "petite fille",
    ],
  },
  // Maternity (used when the hospital has such a department)
  {
    dept: "Maternity",
    weight: 5,
    terms: [
      "pregnant",
      "pregnancy",
      "contractions",
      "waters broke",
      "water broke",
      "labour",
      "labor",
      "enceinte",
      "grossesse",
      "perte des eaux",
      "poche des eaux",
      "accouchement",
      "accoucher",
    ],
    stay: 2,
  },
  // Surgery (used when the hospital has such a department)
  {
    dept: "Surgery",
    weight: 4,
    terms: [
      "appendicitis",
      "appendicite",
      "hernia",
      "hernie",
      "gallstone",
      "calcul biliaire",
      "calculs biliaires",
      "abces",
      "abscess",
    ],
    stay: 3,
  },
  // Emergency
  {
    dept: "Emergency",
    weight: 4,
    terms: [
      "shortness of breath",
      "short of breath",
      "difficulty breathing",
      "trouble breathing",
      "hard to breathe",
      "breathless",
      "essoufflement",
      "essouffle",
      "difficulte a respirer",
      "du mal a respirer",
      "mal a respirer",
      "souffle court",
    ],
  },
  { dept: "Emergency", weight: 4, terms: ["burn", "burned", "burnt", "scald", "brulure", "brule", "ebouillante"] },
  {
    dept: "Emergency",
    weight: 4,
    terms: [
      "bleeding",
      "saignement",
      "saigne",
      "hemorragie",
      "deep cut",
      "laceration",
      "coupure profonde",
      "plaie",
      "wound",
      "car accident",
      "road accident",
      "accident de voiture",
      "accident de la route",
      "head injury",
      "hit my head",
      "traumatisme cranien",
      "coup a la tete",
      "choc a la tete",
      "poisoning",
      "intoxication",
      "empoisonnement",
      "swallowed",
      "avale",
      "allergic reaction",
      "reaction allergique",
    ],
  },
  // General medicine: the common rest
  {
    dept: "General Medicine",
    weight: 2,
    terms: [
      "fever",
      "fievre",
      "temperature",
      "cough",
      "toux",
      "tousse",
      "flu",
      "grippe",
      "cold",
      "rhume",
      "sore throat",
      "mal de gorge",
      "angine",
      "runny nose",
      "nez qui coule",
      "diarrhea",
      "diarrhoea",
      "diarrhee",
      "vomiting",
      "vomit",
      "vomissement",
      "vomi",
      "nausea",
      "nausee",
      "stomach ache",
      "stomach pain",
      "abdominal pain",
      "belly pain",
      "mal au ventre",
      "mal de ventre",
      "douleur abdominale",
      "mal a l estomac",
      "diabetes",
      "diabete",
      "urinary",
      "burning when urinating",
      "brulure en urinant",
      "brulure urinaire",
      "infection urinaire",
      "cystite",
    ],
  },
  {
    dept: "General Medicine",
    weight: 2,
    terms: [
      "rash",
      "hives",
      "itchy skin",
      "itching",
      "eruption",
      "eruption cutanee",
      "urticaire",
      "plaque rouge",
      "boutons",
      "demangeaison",
      "ca gratte",
    ],
  },
  {
    dept: "General Medicine",
    weight: 1,
    terms: [
      "tired",
      "tiredness",
      "fatigue",
      "fatigued",
      "weak",
      "weakness",
      "faible",
      "faiblesse",
      "pain",
      "douleur",
      "mal",
      "sick",
      "malade",
      "infection",
      "check up",
      "bilan",
    ],
  },
];

// Warning signs: Emergency first, whatever else matched. `with` means one of `any` AND one of `with`.
const RED_FLAGS: RedFlag[] = [
  {
    name: "possible heart attack",
    stay: 3,
    any: [
      "chest pain",
      "douleur thoracique",
      "douleur a la poitrine",
      "mal a la poitrine",
      "oppression thoracique",
      "chest tightness",
    ],
    with: [
      "sweating",
      "sweaty",
      "sueur",
      "transpire",
      "arm pain",
      "pain in my arm",
      "left arm",
      "bras gauche",
      "shortness of breath",
      "short of breath",
      "difficulty breathing",
      "essoufflement",
      "difficulte a respirer",
      "du mal a respirer",
      "crushing",
      "ecrasante",
      "serrement",
      "nausea",
      "nausee",
      "fainted",
      "evanoui",
    ],
  },
  { name: "heart attack", stay: 3, any: ["heart attack", "crise cardiaque", "infarctus"] },
  {
    name: "possible stroke",
    stay: 3,
    any: ["headache", "mal de tete", "maux de tete", "cephalee", "confusion", "dizziness", "vertige"],
    with: [
      "weakness on one side",
      "one sided weakness",
      "faiblesse d un cote",
      "weak on one side",
      "paralysis",
      "paralysie",
      "slurred speech",
      "trouble de la parole",
      "difficulte a parler",
      "face drooping",
      "visage qui tombe",
      "numb on one side",
      "engourdi d un cote",
    ],
  },
  { name: "stroke signs", stay: 3, any: ["stroke", "avc", "accident vasculaire", "face drooping", "visage qui tombe"] },
  {
    name: "worst headache",
    stay: 1,
    any: [
      "worst headache",
      "sudden severe headache",
      "thunderclap",
      "pire mal de tete",
      "mal de tete brutal",
      "cephalee brutale",
    ],
  },
  {
    name: "not breathing",
    stay: 2,
    any: [
      "not breathing",
      "cannot breathe",
      "can t breathe",
      "can not breathe",
      "choking",
      "turning blue",
      "blue lips",
      "ne respire plus",
      "n arrive pas a respirer",
      "arrive plus a respirer",
      "s etouffe",
      "etouffement",
      "levres bleues",
    ],
  },
  {
    name: "unconscious",
    stay: 2,
    any: [
      "unconscious",
      "unresponsive",
      "passed out and",
      "won t wake",
      "inconscient",
      "perte de connaissance",
      "ne se reveille pas",
      "ne repond plus",
    ],
  },
  {
    name: "severe bleeding",
    stay: 2,
    any: [
      "heavy bleeding",
      "severe bleeding",
      "bleeding a lot",
      "won t stop bleeding",
      "bleeding heavily",
      "saigne beaucoup",
      "saignement abondant",
      "hemorragie",
      "saignement important",
      "vomiting blood",
      "vomit blood",
      "vomit du sang",
      "crache du sang",
      "coughing blood",
    ],
  },
  {
    name: "severe allergic reaction",
    stay: 1,
    any: [
      "anaphylaxis",
      "anaphylactic",
      "throat swelling",
      "swollen throat",
      "tongue swelling",
      "choc anaphylactique",
      "gorge qui gonfle",
      "langue qui gonfle",
      "oedeme de quincke",
    ],
  },
  {
    name: "seizure not stopping",
    stay: 2,
    any: ["seizure", "convulsion", "crise d epilepsie"],
    with: [
      "won t stop",
      "not stopping",
      "still",
      "more than 5 minutes",
      "several",
      "first time",
      "ne s arrete pas",
      "plus de 5 minutes",
      "toujours",
      "plusieurs",
      "premiere fois",
    ],
  },
  {
    name: "severe burn",
    stay: 4,
    any: ["burn", "burned", "burnt", "brulure", "brule"],
    with: [
      "face",
      "visage",
      "large",
      "severe",
      "serious",
      "whole",
      "grave",
      "grande",
      "etendue",
      "chemical",
      "chimique",
      "electrical",
      "electrique",
      "blister",
      "cloque",
      "child",
      "baby",
      "enfant",
      "bebe",
    ],
  },
  {
    name: "pregnancy with bleeding or pain",
    stay: 2,
    any: ["pregnant", "pregnancy", "enceinte", "grossesse"],
    with: ["bleeding", "saignement", "saigne", "severe pain", "douleur intense", "forte douleur", "hemorragie"],
  },
  {
    name: "suicidal thoughts",
    stay: 2,
    any: ["suicide", "suicidal", "kill myself", "end my life", "me suicider", "idees suicidaires", "en finir"],
  },
  {
    name: "overdose",
    stay: 2,
    any: ["overdose", "surdose", "took too many pills", "trop de comprimes", "trop de medicaments"],
  },
  {
    name: "serious accident",
    stay: 2,
    any: [
      "car accident",
      "road accident",
      "hit by a car",
      "accident de voiture",
      "accident de la route",
      "renverse par une voiture",
      "fell from",
      "chute de",
      "stabbed",
      "gunshot",
      "poignarde",
      "blessure par balle",
    ],
  },
];

const NEGATORS = new Set([
  "no",
  "not",
  "without",
  "denies",
  "deny",
  "denied",
  "never",
  "none",
  "pas",
  "sans",
  "aucun",
  "aucune",
  "jamais",
  "ni",
  "non",
  "nie",
]);
const NEGATION_BREAKS = new Set(["but", "however", "mais", "cependant", "pourtant", "and", "et"]);
const NEGATION_WINDOW = 4;

/** Folds case and accents, turns apostrophes and punctuation into spaces. */
export function normalize(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Plurals and simple inflections: "seizures" → "seizur", "douleurs" → "douleur", "cassées" → "casse". */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && (w.endsWith("s") || w.endsWith("x")) && !w.endsWith("ss")) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith("ee")) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

const words = (text: string) => (text ? normalize(text).split(" ").filter(Boolean) : []);
const stems = (text: string) => words(text).map(stem);

type Compiled = { term: string; stems: string[] };
const compile = (terms: string[]): Compiled[] => terms.map((term) => ({ term, stems: stems(term) }));
const COMPILED_RULES = RULES.map((r) => ({ ...r, compiled: compile(r.terms) }));
const COMPILED_FLAGS = RED_FLAGS.map((f) => ({ ...f, anyC: compile(f.any), withC: f.with ? compile(f.with) : null }));

type Hit = { start: number; end: number; negated: boolean };

/** Every place the phrase occurs, each marked negated when a negator precedes it closely in the same clause. */
function find(tokens: string[], phrase: Compiled): Hit[] {
  const hits: Hit[] = [];
  const n = phrase.stems.length;
  for (let i = 0; i + n <= tokens.length; i++) {
    let ok = true;
    for (let j = 0; j < n && ok; j++) ok = tokens[i + j] === phrase.stems[j];
    if (!ok) continue;
    let negated = false;
    for (let k = i - 1; k >= Math.max(0, i - NEGATION_WINDOW); k--) {
      if (NEGATION_BREAKS.has(tokens[k])) break;
      if (NEGATORS.has(tokens[k])) {
        negated = true;
        break;
      }
    }
    hits.push({ start: i, end: i + n, negated });
  }
  return hits;
}

const affirmed = (tokens: string[], terms: Compiled[]) => terms.filter((t) => find(tokens, t).some((h) => !h.negated));

// "a 4-year-old", "4 ans", "6 months old", "6 mois": a child under 16.
function childAge(normalized: string): boolean {
  const years = /\b(\d{1,3}) (?:year|yr|an)s? old\b|\b(\d{1,3}) ?(?:yo|ans?)\b|\bage(?:d)? (?:de )?(\d{1,3})\b/.exec(
    normalized,
  );
  if (years) {
    const age = Number(years[1] ?? years[2] ?? years[3]);
    if (age < 16) return true;
  }
  return (
    /\b\d{1,2} (?:month|week|day)s? old\b|\b\d{1,2} (?:mois|semaines?|jours?)\b(?! de| depuis)/.test(normalized) &&
    /\bold\b|\bbebe\b|\bnourrisson\b|\bage\b/.test(normalized)
  );
}

/**
 * Recommends a department among `available` (the hospital's active department names). Unknown or
 * empty input, or a best department the hospital lacks, falls back to General Medicine with low
 * confidence. Text is only ever matched against keywords: instructions inside it have no effect.
 */
export function triageByRules(problem: string, available: readonly string[]): RulesResult {
  const normalized = normalize(problem);
  const tokens = normalized ? normalized.split(" ").map(stem) : [];
  const scores: Record<string, number> = {};
  const stays: Record<string, number> = {};
  const matched: string[] = [];
  const negated: string[] = [];
  // A longer phrase hides the shorter ones inside it ("chest pain" is not also "pain").
  const covered = new Set<number>();

  const all = COMPILED_RULES.flatMap((r) => r.compiled.map((c) => ({ rule: r, c }))).sort(
    (a, b) => b.c.stems.length - a.c.stems.length,
  );
  for (const { rule, c } of all) {
    for (const hit of find(tokens, c)) {
      const span = Array.from({ length: hit.end - hit.start }, (_, i) => hit.start + i);
      if (span.every((i) => covered.has(i))) continue;
      span.forEach((i) => covered.add(i));
      if (hit.negated) {
        negated.push(c.term);
        continue;
      }
      scores[rule.dept] = (scores[rule.dept] ?? 0) + rule.weight;
      if (rule.stay !== undefined) stays[rule.dept] = Math.max(stays[rule.dept] ?? 0, rule.stay);
      matched.push(c.term);
    }
  }
  if (childAge(normalized)) {
    scores.Pediatrics = (scores.Pediatrics ?? 0) + 4;
    matched.push("child's age");
  }

  const redFlags = COMPILED_FLAGS.filter(
    (f) => affirmed(tokens, f.anyC).length > 0 && (!f.withC || affirmed(tokens, f.withC).length > 0),
  );
  const byName = new Map(available.map((name) => [name.toLowerCase(), name]));
  const resolve = (dept: string) => byName.get(dept.toLowerCase());
  const general = resolve(GENERAL) ?? available[0] ?? GENERAL;
  const details = {
    matched: [...new Set(matched)],
    redFlags: redFlags.map((f) => f.name),
    negated: [...new Set(negated)],
    scores,
  };

  if (redFlags.length > 0 && resolve(EMERGENCY)) {
    const stay = Math.max(...redFlags.map((f) => f.stay));
    return {
      department: resolve(EMERGENCY)!,
      confidence: redFlags.length > 1 ? 0.95 : 0.9,
      plannedStayDays: stay,
      details,
    };
  }

  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0)
    return {
      department: general,
      confidence: 0.2,
      plannedStayDays: null,
      details: { ...details, fallback: "no symptom matched" },
    };

  const [topDept, top] = ranked[0];
  const second = ranked[1]?.[1] ?? 0;
  // Confidence grows with the margin over the runner-up and with the weight of evidence.
  const margin = (top - second) / top;
  let confidence = 0.3 + 0.45 * margin + 0.2 * Math.min(1, top / 8);
  const existing = ranked.find(([d]) => resolve(d));
  let department: string;
  let fallback: string | undefined;
  let stayDept = topDept;
  if (existing && existing[0] === topDept) department = resolve(topDept)!;
  else if (existing && existing[1] >= top * 0.5) {
    department = resolve(existing[0])!;
    stayDept = existing[0];
    confidence *= 0.6;
    fallback = `${topDept} is not a department here`;
  } else {
    department = general;
    confidence = Math.min(confidence, 0.3);
    fallback = `${topDept} is not a department here`;
  }
  confidence = Math.round(Math.min(0.95, Math.max(0.05, confidence)) * 100) / 100;
  return {
    department,
    confidence,
    plannedStayDays: stays[stayDept] ?? null,
    details: fallback ? { ...details, fallback } : details,
  };
}
