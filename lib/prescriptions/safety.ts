import { englishFinding } from "./findings";
import {
  CLASS_SYNONYMS,
  COMBINATIONS,
  DRUG_CLASSES,
  DRUG_SYNONYMS,
  INGREDIENT_CLASS,
  INTERACTIONS,
  NON_DRUG_ALLERGENS,
  type DrugClass,
  type Matcher,
  type Severity,
} from "./safety-data";

// The medication safety check: allergies (substance and class), drug–drug interactions and
// duplicate therapy, over the lines of a new prescription and the patient's live prescriptions.
// Pure: the service loads the rows (inside the writing transaction) and decides what to do with
// the findings. A check that cannot run is a finding of its own (UNCHECKED), never a silent pass.

export type { Finding, FindingKey, FindingKind, FindingParams, Severity } from "./finding-types";
import type { Finding, FindingKey, FindingKind, FindingParams } from "./finding-types";

export type SafetyDrug = { genericName: string; brandName?: string | null; drugClass: string | null };
export type SafetyAllergy = {
  substance: string;
  drugClass?: string | null;
  severity?: "mild" | "moderate" | "severe" | null;
};

const CLASS_SET = new Set<string>(DRUG_CLASSES);
const NON_DRUG = new Set(NON_DRUG_ALLERGENS.map((a) => normalize(a)));
const CROSS_REACTIVE: Partial<Record<DrugClass, DrugClass[]>> = {
  penicillin: ["cephalosporin", "carbapenem"],
  cephalosporin: ["penicillin", "carbapenem"],
  carbapenem: ["penicillin", "cephalosporin"],
};

/** Lowercase, punctuation to spaces, "allergy"/"allergic to" dropped, a plural "s" dropped. */
export function normalize(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/allergic to|allergy|allergies|intolerance/g, " ")
    .replace(/[^a-z0-9'\- ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return words.length > 3 && words.endsWith("s") && !words.endsWith("ss") ? words.slice(0, -1) : words;
}

const generic = (name: string) => name.trim().toLowerCase();
const knownClass = (c: string | null | undefined): DrugClass | null =>
  c && CLASS_SET.has(c.trim().toLowerCase()) ? (c.trim().toLowerCase() as DrugClass) : null;

/** A drug's ingredients (generic names) and classes: the catalogue's class plus its ingredients'. */
export function profile(drug: SafetyDrug): {
  name: string;
  ingredients: string[];
  classes: DrugClass[];
  classKnown: boolean;
} {
  const name = generic(drug.genericName);
  const ingredients = COMBINATIONS[name] ?? [name];
  const own = knownClass(drug.drugClass);
  const classes = new Set<DrugClass>(own ? [own] : []);
  for (const i of ingredients) if (INGREDIENT_CLASS[i]) classes.add(INGREDIENT_CLASS[i]);
  return {
    name,
    ingredients: [name, ...ingredients.filter((i) => i !== name)],
    classes: [...classes],
    classKnown: own !== null,
  };
}

type Resolved =
  | { kind: "drug"; ingredient: string; classes: DrugClass[] }
  | { kind: "class"; cls: DrugClass }
  | { kind: "not-a-drug" }
  | { kind: "unknown" };

/** What an allergy's substance names: a drug or ingredient (by any of its names), a class, a non-drug, or nothing known. */
export function resolveSubstance(substance: string, catalogue: SafetyDrug[]): Resolved {
  const raw = substance.trim().toLowerCase();
  for (const text of new Set([raw.replace(/\s+/g, " "), normalize(substance)])) {
    const synonym = DRUG_SYNONYMS[text];
    const name = synonym ?? text;
    const inCatalogue = catalogue.find(
      (d) => generic(d.genericName) === name || (d.brandName && generic(d.brandName) === text),
    );
    if (inCatalogue) {
      const p = profile(inCatalogue);
      return { kind: "drug", ingredient: p.name, classes: p.classes };
    }
    const ingredientOf = Object.values(COMBINATIONS).some((parts) => parts.includes(name));
    if (INGREDIENT_CLASS[name] || ingredientOf || synonym)
      return { kind: "drug", ingredient: name, classes: INGREDIENT_CLASS[name] ? [INGREDIENT_CLASS[name]] : [] };
    const cls = knownClass(text.replace(/ /g, "-")) ?? CLASS_SYNONYMS[text] ?? CLASS_SYNONYMS[raw];
    if (cls) return { kind: "class", cls };
    if (NON_DRUG.has(text)) return { kind: "not-a-drug" };
  }
  return { kind: "unknown" };
}

const severityOfAllergy = (a: SafetyAllergy): Severity => (a.severity === "mild" ? "moderate" : "high");
const recorded = (a: SafetyAllergy): FindingParams => ({
  substance: a.substance.trim(),
  ...(a.severity ? { allergySeverity: a.severity } : {}),
});

/** A finding with its English message made from its key and values. */
function finding(
  kind: FindingKind,
  severity: Severity,
  drugs: string[],
  key: FindingKey,
  params: FindingParams,
): Finding {
  return { kind, severity, drugs, message: englishFinding(key, params), key, params };
}

function allergyFindings(allergies: SafetyAllergy[], lines: SafetyDrug[], catalogue: SafetyDrug[]): Finding[] {
  const out: Finding[] = [];
  for (const allergy of allergies) {
    const declared = knownClass(allergy.drugClass);
    const resolved = resolveSubstance(allergy.substance, catalogue);
    if (resolved.kind === "not-a-drug" && !declared) continue;
    if (resolved.kind === "unknown" && !declared) {
      out.push(
        finding(
          "UNCHECKED",
          "moderate",
          lines.map((l) => generic(l.genericName)),
          "allergyUnknown",
          { substance: allergy.substance.trim() },
        ),
      );
      continue;
    }
    const ingredient = resolved.kind === "drug" ? resolved.ingredient : null;
    const classes = new Set<DrugClass>([
      ...(declared ? [declared] : []),
      ...(resolved.kind === "drug" ? resolved.classes : []),
      ...(resolved.kind === "class" ? [resolved.cls] : []),
    ]);
    for (const line of lines) {
      const p = profile(line);
      if (ingredient && p.ingredients.includes(ingredient)) {
        out.push(
          finding("ALLERGY", severityOfAllergy(allergy), [p.name], "allergy", {
            drug: p.name,
            ingredient,
            ...recorded(allergy),
          }),
        );
        continue;
      }
      const same = p.classes.find((c) => classes.has(c));
      if (same) {
        out.push(
          finding("ALLERGY_CLASS", severityOfAllergy(allergy), [p.name], "allergyClass", {
            drug: p.name,
            cls: same,
            ...recorded(allergy),
          }),
        );
        continue;
      }
      const cross = p.classes.find((c) => [...classes].some((a) => CROSS_REACTIVE[a]?.includes(c)));
      if (cross) {
        const from = [...classes].find((a) => CROSS_REACTIVE[a]?.includes(cross));
        out.push(
          finding("ALLERGY_CLASS", "low", [p.name], "allergyCross", {
            drug: p.name,
            cls: cross,
            ...recorded(allergy),
            ...(from ? { from } : {}),
          }),
        );
      }
    }
  }
  return out;
}

function matches(m: Matcher, p: ReturnType<typeof profile>): boolean {
  return (m.names ?? []).some((n) => p.ingredients.includes(n)) || (m.classes ?? []).some((c) => p.classes.includes(c));
}

type Entry = { p: ReturnType<typeof profile>; live: boolean };

function interactionFindings(entries: Entry[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const [x, y] = [entries[i], entries[j]];
      if (x.live && y.live) continue; // both already prescribed: not this prescription's doing
      if (x.p.name === y.p.name) continue; // the same drug twice is duplicate therapy
      const groups = new Set<string>();
      for (const rule of INTERACTIONS) {
        if (rule.group && groups.has(rule.group)) continue;
        if (!((matches(rule.a, x.p) && matches(rule.b, y.p)) || (matches(rule.a, y.p) && matches(rule.b, x.p))))
          continue;
        if (rule.group) groups.add(rule.group);
        out.push(
          finding("INTERACTION", rule.severity, [x.p.name, y.p.name], "interaction", {
            rule: rule.id,
            ...(x.live || y.live ? { live: (x.live ? x : y).p.name } : {}),
          }),
        );
      }
    }
  }
  return out;
}

function duplicateFindings(entries: Entry[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const [x, y] = [entries[i], entries[j]];
      if (x.live && y.live) continue;
      const where = x.live || y.live ? "current" : "this";
      const shared = x.p.ingredients.find((n) => y.p.ingredients.includes(n));
      if (shared) {
        out.push(
          finding("DUPLICATE_THERAPY", "high", [x.p.name, y.p.name], "duplicateIngredient", {
            ingredient: shared,
            where,
          }),
        );
        continue;
      }
      const cls = x.p.classes.find((c) => y.p.classes.includes(c));
      if (cls)
        out.push(
          finding("DUPLICATE_THERAPY", "moderate", [x.p.name, y.p.name], "duplicateClass", {
            drug: x.p.name,
            other: y.p.name,
            cls,
            where,
          }),
        );
    }
  }
  return out;
}

/**
 * Every finding for the lines of a new prescription, given the patient's allergies and the drugs of
 * their live prescriptions. `catalogue` is the drug catalogue (for allergies recorded by brand name).
 */
export function checkSafety(input: {
  allergies: SafetyAllergy[];
  lines: SafetyDrug[];
  live: SafetyDrug[];
  catalogue: SafetyDrug[];
}): Finding[] {
  const unchecked: Finding[] = input.lines
    .filter((l) => !knownClass(l.drugClass))
    .map((l) =>
      finding("UNCHECKED", "moderate", [generic(l.genericName)], "noClass", { drug: generic(l.genericName) }),
    );
  const liveNames = new Set<string>();
  const live = input.live.filter(
    (l) => !liveNames.has(generic(l.genericName)) && liveNames.add(generic(l.genericName)),
  );
  const entries: Entry[] = [
    ...input.lines.map((l) => ({ p: profile(l), live: false })),
    ...live.map((l) => ({ p: profile(l), live: true })),
  ];
  return [
    ...allergyFindings(input.allergies, input.lines, input.catalogue),
    ...interactionFindings(entries),
    ...duplicateFindings(entries),
    ...unchecked,
  ];
}
