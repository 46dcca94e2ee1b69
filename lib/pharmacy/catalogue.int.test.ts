import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { DRUG_CATALOGUE } from "./catalogue-data";
import { ensureDrugCatalogue } from "./catalogue";

describe("ensureDrugCatalogue", () => {
  it("adds every catalogue drug once and keeps admin edits on later runs", async () => {
    const prisma = db();
    expect(await ensureDrugCatalogue(prisma)).toBe(DRUG_CATALOGUE.length);
    const amox = await prisma.drug.findFirstOrThrow({ where: { genericName: "amoxicillin", form: "capsule" } });
    await prisma.drug.update({
      where: { id: amox.id },
      data: { reorderLevel: 7, brandName: "House brand", active: false },
    });
    await prisma.drug.delete({
      where: { genericName_form_strength: { genericName: "cetirizine", form: "tablet", strength: "10 mg" } },
    });

    expect(await ensureDrugCatalogue(prisma)).toBe(1);
    expect(await prisma.drug.count()).toBe(DRUG_CATALOGUE.length);
    const again = await prisma.drug.findUniqueOrThrow({ where: { id: amox.id } });
    expect(again).toMatchObject({ reorderLevel: 7, brandName: "House brand", active: false });
  });

  it("has unique keys and covers the shared list", () => {
    const keys = new Set(DRUG_CATALOGUE.map((x) => `${x.genericName}|${x.form}|${x.strength}`));
    expect(keys.size).toBe(DRUG_CATALOGUE.length);
    expect(DRUG_CATALOGUE.length).toBeGreaterThanOrEqual(80);
  });
});
