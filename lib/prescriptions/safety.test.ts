import { describe, expect, it } from "vitest";
import { DRUG_CATALOGUE } from "@/lib/pharmacy/catalogue-data";
import { checkSafety, normalize, resolveSubstance, type SafetyAllergy } from "./safety";
import { INTERACTIONS } from "./safety-data";

const catalogue = DRUG_CATALOGUE;
const drug = (name: string) => {
  const d = catalogue.find((c) => c.genericName === name);
  if (!d) throw new Error(`not in the catalogue: ${name}`);
  return d;
};
const check = (names: string[], opts: { allergies?: SafetyAllergy[]; live?: string[] } = {}) =>
  checkSafety({
    allergies: opts.allergies ?? [],
    lines: names.map(drug),
    live: (opts.live ?? []).map(drug),
    catalogue,
  });
const kinds = (f: ReturnType<typeof check>) => f.map((x) => x.kind);

describe("allergies", () => {
  it("flags the substance itself, by generic name, brand name or synonym", () => {
    for (const substance of ["Amoxicillin", "Amoxil", "amoxycillin"]) {
      const [f] = check(["amoxicillin"], { allergies: [{ substance, severity: "severe" }] });
      expect(f).toMatchObject({ kind: "ALLERGY", severity: "high", drugs: ["amoxicillin"] });
    }
    expect(check(["pethidine"], { allergies: [{ substance: "Meperidine" }] })[0]).toMatchObject({
      kind: "ALLERGY",
      drugs: ["pethidine"],
    });
    expect(check(["paracetamol"], { allergies: [{ substance: "acetaminophen", severity: "mild" }] })[0]).toMatchObject({
      kind: "ALLERGY",
      severity: "moderate",
    });
  });

  it("flags an ingredient of a combination product", () => {
    expect(check(["amoxicillin clavulanate"], { allergies: [{ substance: "amoxicillin" }] })[0]).toMatchObject({
      kind: "ALLERGY",
      drugs: ["amoxicillin clavulanate"],
    });
    expect(
      check(["trimethoprim sulfamethoxazole"], { allergies: [{ substance: "sulfamethoxazole" }] })[0],
    ).toMatchObject({ kind: "ALLERGY" });
  });

  it("a penicillin allergy flags amoxicillin, ampicillin and amoxicillin clavulanate by class", () => {
    const f = check(["amoxicillin", "ampicillin", "amoxicillin clavulanate", "phenoxymethylpenicillin"], {
      allergies: [{ substance: "Penicillin", severity: "severe" }],
    }).filter((x) => x.kind.startsWith("ALLERGY"));
    expect(f.map((x) => [x.kind, x.severity, x.drugs[0]])).toEqual([
      ["ALLERGY_CLASS", "high", "amoxicillin"],
      ["ALLERGY_CLASS", "high", "ampicillin"],
      ["ALLERGY_CLASS", "high", "amoxicillin clavulanate"],
      ["ALLERGY_CLASS", "high", "phenoxymethylpenicillin"],
    ]);
  });

  it("recognises class words as clinicians write them, and Allergy.drugClass", () => {
    for (const substance of ["penicillins", "Penicillin allergy", "beta-lactams"])
      expect(kinds(check(["amoxicillin"], { allergies: [{ substance }] }))).toEqual(["ALLERGY_CLASS"]);
    for (const substance of ["sulfa", "Sulfa drugs", "sulphonamides"])
      expect(kinds(check(["trimethoprim sulfamethoxazole"], { allergies: [{ substance }] }))).toEqual([
        "ALLERGY_CLASS",
      ]);
    expect(kinds(check(["ibuprofen"], { allergies: [{ substance: "NSAIDs" }] }))).toEqual(["ALLERGY_CLASS"]);
    expect(kinds(check(["lisinopril"], { allergies: [{ substance: "ACE inhibitors" }] }))).toEqual(["ALLERGY_CLASS"]);
    expect(kinds(check(["naproxen"], { allergies: [{ substance: "Brufen rash", drugClass: "nsaid" }] }))).toEqual([
      "ALLERGY_CLASS",
    ]);
  });

  it("an allergy to one member flags the others of its class", () => {
    expect(check(["ampicillin"], { allergies: [{ substance: "flucloxacillin" }] })[0]).toMatchObject({
      kind: "ALLERGY_CLASS",
      drugs: ["ampicillin"],
    });
    expect(check(["naproxen"], { allergies: [{ substance: "ibuprofen" }] })[0]).toMatchObject({
      kind: "ALLERGY_CLASS",
    });
  });

  it("cephalosporin cross-reactivity is a lower-severity finding, both ways", () => {
    expect(check(["cefalexin"], { allergies: [{ substance: "penicillin", severity: "severe" }] })).toEqual([
      expect.objectContaining({ kind: "ALLERGY_CLASS", severity: "low", drugs: ["cefalexin"] }),
    ]);
    expect(check(["ceftriaxone"], { allergies: [{ substance: "amoxicillin" }] })[0]).toMatchObject({
      kind: "ALLERGY_CLASS",
      severity: "low",
    });
    expect(check(["amoxicillin"], { allergies: [{ substance: "cephalosporins" }] })[0]).toMatchObject({
      kind: "ALLERGY_CLASS",
      severity: "low",
    });
    expect(check(["meropenem"], { allergies: [{ substance: "penicillin" }] })[0]).toMatchObject({ severity: "low" });
  });

  it("passes unrelated drugs and known non-drug allergens without a finding", () => {
    expect(check(["paracetamol"], { allergies: [{ substance: "penicillin" }] })).toEqual([]);
    for (const substance of [
      "Latex",
      "peanuts",
      "Shellfish",
      "eggs",
      "grass pollen",
      "house dust mite",
      "Bee stings",
      "cats",
    ]) {
      expect(check(["amoxicillin"], { allergies: [{ substance }] })).toEqual([]);
    }
  });

  it("an allergy that maps to nothing is an explicit UNCHECKED finding, never a silent pass", () => {
    const f = check(["amoxicillin", "paracetamol"], { allergies: [{ substance: "Zorbutrex" }] });
    expect(f).toEqual([expect.objectContaining({ kind: "UNCHECKED", drugs: ["amoxicillin", "paracetamol"] })]);
    expect(f[0].message).toContain("Zorbutrex");
  });

  it("resolves substances to drugs, classes, non-drugs or nothing", () => {
    expect(resolveSubstance("Augmentin", catalogue)).toMatchObject({
      kind: "drug",
      ingredient: "amoxicillin clavulanate",
    });
    expect(resolveSubstance("Sulfa", catalogue)).toEqual({ kind: "class", cls: "sulfonamide" });
    expect(resolveSubstance("latex gloves allergy", catalogue)).toEqual({ kind: "unknown" });
    expect(resolveSubstance("latex", catalogue)).toEqual({ kind: "not-a-drug" });
    expect(normalize("Penicillins allergy")).toBe("penicillin");
  });
});

describe("interactions", () => {
  // Every ONC pair that maps to the catalogue, and well-known extras: [drug, drug, rule id].
  const PAIRS: [string, string, string][] = [
    ["atazanavir", "omeprazole", "onc-2"],
    ["atazanavir", "pantoprazole", "onc-2"],
    ["fluoxetine", "phenelzine", "onc-4"],
    ["sertraline", "selegiline", "onc-4"],
    ["venlafaxine", "phenelzine", "onc-4"],
    ["pethidine", "phenelzine", "onc-6"],
    ["tramadol", "selegiline", "onc-6"],
    ["amitriptyline", "phenelzine", "onc-7"],
    ["pimozide", "clarithromycin", "onc-8"],
    ["thioridazine", "amiodarone", "onc-8"],
    ["ramelteon", "fluvoxamine", "onc-9"],
    ["rifampicin", "ritonavir", "onc-10"],
    ["carbamazepine", "atazanavir", "onc-10"],
    ["phenytoin", "ritonavir", "onc-10"],
    ["simvastatin", "clarithromycin", "onc-11"],
    ["lovastatin", "itraconazole", "onc-11"],
    ["simvastatin", "ritonavir", "onc-11"],
    ["ergotamine", "clarithromycin", "onc-12"],
    ["dihydroergotamine", "ketoconazole", "onc-12"],
    ["tizanidine", "ciprofloxacin", "onc-13"],
    ["tizanidine", "fluvoxamine", "onc-13"],
    ["sumatriptan", "phenelzine", "onc-15"],
    ["warfarin", "ibuprofen", "warfarin-nsaid"],
    ["warfarin", "aspirin", "warfarin-nsaid"],
    ["warfarin", "clopidogrel", "warfarin-antiplatelet"],
    ["apixaban", "naproxen", "doac-nsaid"],
    ["warfarin", "apixaban", "two-anticoagulants"],
    ["warfarin", "metronidazole", "warfarin-potentiators"],
    ["methotrexate", "diclofenac", "methotrexate-nsaid"],
    ["methotrexate", "trimethoprim", "methotrexate-trimethoprim"],
    ["isosorbide mononitrate", "sildenafil", "nitrate-pde5"],
    ["nitroglycerin", "tadalafil", "nitrate-pde5"],
    ["lisinopril", "spironolactone", "hyperkalaemia"],
    ["losartan", "potassium chloride", "hyperkalaemia"],
    ["enalapril", "losartan", "ace-arb"],
    ["clopidogrel", "omeprazole", "clopidogrel-ppi"],
    ["morphine", "diazepam", "opioid-benzodiazepine"],
    ["tramadol", "sertraline", "serotonergic-opioid-ssri"],
    ["linezolid", "fluoxetine", "onc-4"],
    ["linezolid", "sumatriptan", "onc-15"],
    ["haloperidol", "ondansetron", "qt-combination"],
    ["azithromycin", "levofloxacin", "qt-combination"],
    ["clarithromycin", "carbamazepine", "clarithromycin-carbamazepine"],
    ["rifampicin", "warfarin", "rifampicin-anticoagulant"],
  ];
  const byId = new Map(INTERACTIONS.map((r) => [r.id, r]));

  it.each(PAIRS)("%s + %s (%s), in either order", (a, b, id) => {
    for (const lines of [
      [a, b],
      [b, a],
    ]) {
      const f = check(lines).filter((x) => x.kind === "INTERACTION");
      expect(f.map((x) => x.message)).toContain(byId.get(id)!.message);
      expect(f.find((x) => x.message === byId.get(id)!.message)).toMatchObject({
        severity: byId.get(id)!.severity,
        drugs: lines,
      });
    }
  });

  it("ONC rows cite the source, and the list has all fifteen", () => {
    const onc = INTERACTIONS.filter((r) => r.id.startsWith("onc-"));
    expect(onc).toHaveLength(15);
    for (const r of onc) expect(r.source).toContain("Phansalkar");
  });

  it("reports one finding per pair for rules that say the same thing (pimozide + clarithromycin)", () => {
    expect(check(["pimozide", "clarithromycin"]).filter((x) => x.kind === "INTERACTION")).toHaveLength(1);
  });

  it("checks against the patient's live prescriptions and says so", () => {
    const f = check(["clarithromycin"], { live: ["simvastatin"] });
    expect(f).toEqual([expect.objectContaining({ kind: "INTERACTION", drugs: ["clarithromycin", "simvastatin"] })]);
    expect(f[0].message).toContain("simvastatin is on a current prescription");
  });

  it("does not report pairs already together on live prescriptions", () => {
    expect(check(["paracetamol"], { live: ["simvastatin", "clarithromycin"] })).toEqual([]);
  });

  it("passes safe combinations", () => {
    expect(check(["paracetamol", "amoxicillin", "omeprazole", "metformin"])).toEqual([]);
  });
});

describe("duplicate therapy", () => {
  it("the same drug twice, in this prescription or among live ones", () => {
    expect(check(["amoxicillin", "amoxicillin"])).toEqual([
      expect.objectContaining({ kind: "DUPLICATE_THERAPY", severity: "high" }),
    ]);
    expect(check(["amoxicillin"], { live: ["amoxicillin clavulanate"] })).toEqual([
      expect.objectContaining({ kind: "DUPLICATE_THERAPY", severity: "high" }),
    ]);
  });

  it("two drugs of the same class", () => {
    expect(check(["ibuprofen", "naproxen"])).toEqual([
      expect.objectContaining({ kind: "DUPLICATE_THERAPY", severity: "moderate", drugs: ["ibuprofen", "naproxen"] }),
    ]);
    const live = check(["atorvastatin"], { live: ["simvastatin"] });
    expect(live).toEqual([expect.objectContaining({ kind: "DUPLICATE_THERAPY" })]);
    expect(live[0].message).toContain("current prescription");
  });
});

describe("drugs that cannot be checked", () => {
  it("a drug without a known class is UNCHECKED", () => {
    const f = checkSafety({ allergies: [], lines: [{ genericName: "mysterium", drugClass: "" }], live: [], catalogue });
    expect(f).toEqual([expect.objectContaining({ kind: "UNCHECKED", drugs: ["mysterium"] })]);
    expect(
      checkSafety({
        allergies: [],
        lines: [{ genericName: "novum", drugClass: "wonder-drug" }],
        live: [],
        catalogue,
      })[0].kind,
    ).toBe("UNCHECKED");
  });
});
