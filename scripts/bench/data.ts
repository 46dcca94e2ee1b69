// The synthetic hospital the benchmark seeds, and the search mix it replays. Names come from many
// languages (accents included) and are drawn with a skew, so some surnames are common (a broad
// search) and most are rare (a narrow one), as in a real register.

export const FIRST_NAMES = [
  "Amina",
  "Aïcha",
  "Fatou",
  "Moussa",
  "Ibrahim",
  "Kofi",
  "Kwame",
  "Akosua",
  "Abena",
  "Yao",
  "Adjoa",
  "Koffi",
  "Afi",
  "Mamadou",
  "Ousmane",
  "Awa",
  "Mariam",
  "Seydou",
  "Ngozi",
  "Chinedu",
  "Emeka",
  "Oluwaseun",
  "Folake",
  "Tunde",
  "Zainab",
  "Halima",
  "Youssef",
  "Omar",
  "Nadia",
  "Leïla",
  "Karim",
  "Samir",
  "Rania",
  "Hana",
  "Layla",
  "Mohammed",
  "Fatima",
  "Khadija",
  "Hassan",
  "Salma",
  "Jean",
  "Marie",
  "Léa",
  "Chloé",
  "Hélène",
  "Élodie",
  "Zoé",
  "Noémie",
  "François",
  "Loïc",
  "Jérôme",
  "Stéphane",
  "Benoît",
  "Gaëlle",
  "Mathéo",
  "Camille",
  "Hugo",
  "Lucas",
  "Louis",
  "Manon",
  "José",
  "María",
  "Lucía",
  "Sofía",
  "Martín",
  "Andrés",
  "Inés",
  "Raúl",
  "Ángel",
  "Begoña",
  "João",
  "Conceição",
  "Gonçalo",
  "Luís",
  "Thiago",
  "Jürgen",
  "Jörg",
  "Müller",
  "Björn",
  "Søren",
  "Åsa",
  "Øystein",
  "Małgorzata",
  "Łukasz",
  "Zoë",
  "Anna",
  "Ewa",
  "Piotr",
  "Katarzyna",
  "Tomasz",
  "Nguyễn",
  "Minh",
  "Thảo",
  "Linh",
  "Huy",
  "Wei",
  "Mei",
  "Hiroshi",
  "Yuki",
  "Priya",
  "Rahul",
  "Anjali",
  "Arjun",
  "Deepa",
  "Sanjay",
  "David",
  "Sarah",
  "Michael",
  "Emma",
  "James",
  "Olivia",
  "William",
  "Grace",
  "Daniel",
  "Esther",
  "Gabriel",
  "Julia",
  "Samuel",
  "Ruth",
  "Peter",
];

export const LAST_NAMES = [
  "Diallo",
  "Traoré",
  "Koné",
  "Coulibaly",
  "Camara",
  "Touré",
  "Keïta",
  "Sow",
  "Bah",
  "Ndiaye",
  "Mensah",
  "Agbeko",
  "Amegah",
  "Kouassi",
  "Koffi",
  "Yeboah",
  "Owusu",
  "Asante",
  "Boateng",
  "Okafor",
  "Okonkwo",
  "Adeyemi",
  "Balogun",
  "Eze",
  "Nwosu",
  "Haddad",
  "Khoury",
  "Benali",
  "El Amrani",
  "Saïdi",
  "Bouchard",
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Richard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
  "Lefèvre",
  "Michel",
  "Garcia",
  "Fournier",
  "Girard",
  "Bonnet",
  "Dupont",
  "Lambert",
  "Fontaine",
  "Rousseau",
  "Vincent",
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Weber",
  "Meyer",
  "Wagner",
  "Becker",
  "Schulz",
  "Hoffmann",
  "Schäfer",
  "Koch",
  "Köhler",
  "Groß",
  "Nguyen",
  "Tran",
  "Le",
  "Pham",
  "Hoang",
  "Phan",
  "Vu",
  "Đặng",
  "Bùi",
  "Kowalski",
  "Nowak",
  "Wiśniewski",
  "Wójcik",
  "Kowalczyk",
  "Kamiński",
  "Lewandowski",
  "Zieliński",
  "Szymański",
  "Woźniak",
  "Dąbrowski",
  "González",
  "Rodríguez",
  "Fernández",
  "López",
  "Martínez",
  "Sánchez",
  "Pérez",
  "Gómez",
  "Díaz",
  "Muñoz",
  "Álvarez",
  "Romero",
  "Silva",
  "Santos",
  "Ferreira",
  "Pereira",
  "Oliveira",
  "Costa",
  "Gonçalves",
  "Patel",
  "Sharma",
  "Singh",
  "Kumar",
  "Gupta",
  "Reddy",
  "Iyer",
  "Wang",
  "Li",
  "Zhang",
  "Chen",
  "Liu",
  "Yamamoto",
  "Tanaka",
  "Suzuki",
  "Watanabe",
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Miller",
  "Davis",
  "Wilson",
  "Anderson",
  "Taylor",
  "Moore",
  "Jackson",
  "White",
  "Harris",
  "Clark",
  "Lewis",
  "Walker",
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nielsen",
  "Jensen",
  "Hansen",
  "Økland",
  "Ångström",
  "Björklund",
  "Lindqvist",
];

export const CONDITIONS: [string, string][] = [
  ["Essential hypertension", "I10"],
  ["Type 2 diabetes mellitus", "E11.9"],
  ["Type 1 diabetes mellitus", "E10.9"],
  ["Asthma", "J45.909"],
  ["Chronic obstructive pulmonary disease", "J44.9"],
  ["Chronic kidney disease, stage 3", "N18.30"],
  ["Sickle cell disease", "D57.1"],
  ["HIV disease", "B20"],
  ["Malaria, recurrent", "B54"],
  ["Heart failure", "I50.9"],
  ["Atrial fibrillation", "I48.91"],
  ["Coronary artery disease", "I25.10"],
  ["Hypothyroidism", "E03.9"],
  ["Epilepsy", "G40.909"],
  ["Migraine", "G43.909"],
  ["Major depressive disorder", "F32.9"],
  ["Osteoarthritis of knee", "M17.9"],
  ["Rheumatoid arthritis", "M06.9"],
  ["Gastro-oesophageal reflux disease", "K21.9"],
  ["Chronic hepatitis B", "B18.1"],
  ["Iron deficiency anaemia", "D50.9"],
  ["Obesity", "E66.9"],
  ["Hyperlipidaemia", "E78.5"],
  ["Pulmonary tuberculosis, treated", "A15.0"],
  ["Glaucoma", "H40.9"],
];

/** Country calling codes with national-number lengths: the phone prefixes searched come from these. */
export const PHONE_PREFIXES = [
  "+22890",
  "+22891",
  "+22899",
  "+22870",
  "+22507",
  "+22177",
  "+23324",
  "+23480",
  "+3361",
  "+4915",
];

const strip = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "");

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Same skew as the seed SQL (index = floor(n · u²)): low indexes are the common names. */
const skewed = <T>(arr: T[], u: number) => arr[Math.floor(arr.length * u * u)];

function typo(word: string, r: () => number): string {
  const w = strip(word).toLowerCase();
  const i = 1 + Math.floor(r() * (w.length - 2));
  return r() < 0.5 ? w.slice(0, i) + w.slice(i + 1) : w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2); // drop or swap a letter
}

/** The word a clinician would type to filter by a condition: its longest one. */
const keyword = (text: string) =>
  text
    .split(/[ ,-]+/)
    .reduce((a, b) => (b.length > a.length ? b : a))
    .toLowerCase();

export type SearchCase = { kind: string; q: string; condition?: string };

/**
 * The query mix replayed against the API and in-process: what people type at a registration desk.
 * Deterministic for a given patient count.
 */
export function searchMix(patients: number, count = 200): SearchCase[] {
  const r = rng(20261122);
  const cases: SearchCase[] = [];
  const kinds = [
    "prefix",
    "prefix",
    "prefix",
    "fullName",
    "typo",
    "mrn",
    "phone",
    "condition",
    "prefixCondition",
    "firstPrefix",
  ];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length];
    const last = skewed(LAST_NAMES, r());
    const first = skewed(FIRST_NAMES, r());
    const len = 3 + Math.floor(r() * 4); // 3–6 letters
    switch (kind) {
      case "prefix":
        cases.push({ kind, q: last.slice(0, len).toLowerCase() });
        break;
      case "firstPrefix":
        cases.push({ kind: "prefix", q: first.slice(0, len) });
        break;
      case "fullName":
        cases.push({ kind, q: `${first} ${last}` });
        break;
      case "typo":
        cases.push({ kind, q: typo(last.length >= 5 ? last : "Lewandowski", r) });
        break;
      case "mrn": {
        const n = 1 + Math.floor(r() * patients);
        cases.push({ kind, q: r() < 0.5 ? `H-${String(n).padStart(6, "0")}` : `h${n}` });
        break;
      }
      case "phone":
        cases.push({
          kind,
          q: PHONE_PREFIXES[Math.floor(r() * PHONE_PREFIXES.length)] + String(Math.floor(r() * 100)).padStart(2, "0"),
        });
        break;
      case "condition":
        cases.push({ kind, q: "", condition: keyword(CONDITIONS[Math.floor(r() * CONDITIONS.length)][0]) });
        break;
      case "prefixCondition":
        cases.push({
          kind: "condition",
          q: last.slice(0, len),
          condition: keyword(CONDITIONS[Math.floor(r() * 8)][0]),
        });
        break;
    }
  }
  return cases;
}

/** SQL array literal of strings (the values are ours: quote doubling is all they need). */
export const sqlArray = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]::text[]`;
