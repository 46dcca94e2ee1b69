import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/en";
import { fr } from "@/lib/i18n/fr";
import { GROUP_ABOVE, navFor, navSectionsFor } from "./nav";

describe("the sidebar's sections", () => {
  it("group the admin's long menu as People, Clinical, Inpatient, Pharmacy, Finance, System, losing no item", () => {
    const sections = navSectionsFor("ADMIN", en);
    expect(sections.map((s) => s.label)).toEqual([
      null,
      "People",
      "Clinical",
      "Inpatient",
      "Pharmacy",
      "Finance",
      "System",
    ]);
    expect(sections[0].items.map((i) => i.href)).toEqual(["/dashboard", "/notifications"]);
    expect(sections.flatMap((s) => s.items.map((i) => i.href)).sort()).toEqual(
      navFor("ADMIN", en)
        .map((i) => i.href)
        .sort(),
    );
    expect(sections.find((s) => s.group === "system")!.items.map((i) => i.href)).toContain("/admin/audit");
    expect(navSectionsFor("ADMIN", fr).map((s) => s.label)).toEqual([
      null,
      "Personnes",
      "Clinique",
      "Hospitalisation",
      "Pharmacie",
      "Finances",
      "Système",
    ]);
  });

  it("leave a short menu flat", () => {
    for (const role of ["DOCTOR", "NURSE", "PHARMACIST", "RECORDS_OFFICER", "PATIENT"] as const) {
      expect(navFor(role, en).length, role).toBeLessThanOrEqual(GROUP_ABOVE);
      expect(navSectionsFor(role, en), role).toEqual([
        { group: null, label: null, items: navFor(role, en).map(({ href, label }) => ({ href, label })) },
      ]);
    }
  });
});
