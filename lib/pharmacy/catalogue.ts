import type { Db } from "@/lib/server/db";
import { DRUG_CATALOGUE } from "./catalogue-data";

/**
 * Adds the catalogue drugs that are missing (matched on generic name + form + strength). Drugs that
 * already exist are left exactly as they are, so an admin's edits (brand, class, reorder level,
 * deactivation) survive every start. Safe to run concurrently: duplicates are skipped by the
 * unique index. Returns how many drugs were added.
 */
export async function ensureDrugCatalogue(prisma: Db): Promise<number> {
  const { count } = await prisma.drug.createMany({
    data: DRUG_CATALOGUE.map((drug) => ({ ...drug })),
    skipDuplicates: true,
  });
  return count;
}
