import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/i18n";
import { localizeFindings } from "./findings";
import { checkSafety } from "./safety";
import { INTERACTIONS } from "./safety-data";

const fr = catalog("fr").prescriptions.findings;

describe("safety findings in the reader's language", () => {
  it("renders each kind of finding in French from its key and values, class and severity as French words", () => {
    const findings = checkSafety({
      allergies: [
        { substance: "Penicillin", severity: "severe" },
        { substance: "Zorbutrex" },
        { substance: "amoxicillin", severity: "mild" },
      ],
      lines: [
        { genericName: "amoxicillin", drugClass: "penicillin" },
        { genericName: "ibuprofen", drugClass: "nsaid" },
        { genericName: "naproxen", drugClass: "nsaid" },
        { genericName: "mystery", drugClass: null },
      ],
      live: [{ genericName: "warfarin", drugClass: "vitamin-k-antagonist" }],
      catalogue: [],
    });
    const byKey = new Map(localizeFindings(findings, "fr").map((f) => [f.key, f.message]));
    expect(byKey.get("allergyClass")).toBe(
      "amoxicillin appartient à la classe pénicilline : allergie enregistrée à Penicillin (sévère), qui couvre cette classe.",
    );
    expect(byKey.get("allergy")).toBe(
      "amoxicillin contient amoxicillin : allergie enregistrée à amoxicillin (légère).",
    );
    expect(byKey.get("allergyUnknown")).toContain("« Zorbutrex »");
    expect(byKey.get("interaction")).toBe(
      `${fr.interactions["warfarin-nsaid"]} (warfarin figure sur une ordonnance en cours)`,
    );
    expect(byKey.get("duplicateClass")).toBe(
      "ibuprofen et naproxen appartiennent tous deux à la classe AINS sur cette ordonnance : redondance thérapeutique.",
    );
    expect(byKey.get("noClass")).toMatch(/^mystery n'a pas de classe médicamenteuse connue/);
    // The stored English sentence is unchanged by rendering, and English renders as stored.
    expect(findings.find((f) => f.key === "allergyClass")?.message).toBe(
      "amoxicillin is a penicillin: recorded allergy to Penicillin (severe), which covers the penicillin class.",
    );
    expect(localizeFindings(findings, "en").map((f) => f.message)).toEqual(findings.map((f) => f.message));
  });

  it("has a French sentence for every interaction rule", () => {
    const missing = INTERACTIONS.filter((r) => !fr.interactions[r.id] || fr.interactions[r.id] === r.message).map(
      (r) => r.id,
    );
    expect(missing).toEqual([]);
  });

  it("keeps the message of a finding stored before findings had keys", () => {
    const old = {
      kind: "ALLERGY" as const,
      severity: "high" as const,
      drugs: ["amoxicillin"],
      message: "amoxicillin contains amoxicillin: recorded allergy to Amoxil.",
    };
    expect(localizeFindings([old], "fr")).toEqual([old]);
  });
});
