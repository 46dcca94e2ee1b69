import { describe, expect, it } from "vitest";
import { en } from "./en";
import { fr } from "./fr";

// One word for one thing: a prescription's status reads the same wherever it is shown — the
// prescription pages and the pharmacy (prescriptions.statuses), the chart's timeline and the data browser.
describe("prescription statuses: one word each, in every catalogue", () => {
  for (const [locale, m] of [
    ["en", en],
    ["fr", fr],
  ] as const)
    it(`${locale}: the chart's timeline and the data browser use the prescriptions' words`, () => {
      const words = m.prescriptions.statuses;
      expect(m.clinical.timeline.prescriptionStatuses).toEqual(words);
      for (const [status, word] of Object.entries(words))
        expect(m.databrowser.codes[status as keyof typeof m.databrowser.codes], status).toBe(word);
    });
});
