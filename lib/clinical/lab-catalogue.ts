import type { Db } from "@/lib/server/db";

type CatalogueTest = {
  code: string;
  loinc: string | null;
  name: string;
  specimen: string;
  unit: string | null;
  refLow: number | null;
  refHigh: number | null;
};

/**
 * ~30 common tests with LOINC codes and adult reference ranges (qualitative tests have none). The
 * LOINC code names the property of the unit we report in: molar units (mmol/L, µmol/L) take the
 * [Moles/volume] code, not the [Mass/volume] one.
 */
export const LAB_CATALOGUE: CatalogueTest[] = [
  { code: "HGB", loinc: "718-7", name: "Haemoglobin", specimen: "Blood", unit: "g/dL", refLow: 12, refHigh: 17.5 },
  { code: "HCT", loinc: "4544-3", name: "Haematocrit", specimen: "Blood", unit: "%", refLow: 36, refHigh: 52 },
  {
    code: "WBC",
    loinc: "6690-2",
    name: "White blood cell count",
    specimen: "Blood",
    unit: "10^9/L",
    refLow: 4,
    refHigh: 11,
  },
  { code: "PLT", loinc: "777-3", name: "Platelet count", specimen: "Blood", unit: "10^9/L", refLow: 150, refHigh: 400 },
  {
    code: "MCV",
    loinc: "787-2",
    name: "Mean corpuscular volume",
    specimen: "Blood",
    unit: "fL",
    refLow: 80,
    refHigh: 100,
  },
  {
    code: "GLU-F",
    loinc: "14771-0",
    name: "Glucose, fasting",
    specimen: "Plasma",
    unit: "mmol/L",
    refLow: 3.9,
    refHigh: 5.5,
  },
  {
    code: "GLU-R",
    loinc: "14749-6",
    name: "Glucose, random",
    specimen: "Plasma",
    unit: "mmol/L",
    refLow: 3.9,
    refHigh: 7.8,
  },
  { code: "HBA1C", loinc: "4548-4", name: "HbA1c", specimen: "Blood", unit: "%", refLow: null, refHigh: 5.6 },
  { code: "CREA", loinc: "14682-9", name: "Creatinine", specimen: "Serum", unit: "µmol/L", refLow: 53, refHigh: 115 },
  { code: "UREA", loinc: "22664-7", name: "Urea", specimen: "Serum", unit: "mmol/L", refLow: 2.5, refHigh: 7.8 },
  { code: "NA", loinc: "2951-2", name: "Sodium", specimen: "Serum", unit: "mmol/L", refLow: 135, refHigh: 145 },
  { code: "K", loinc: "2823-3", name: "Potassium", specimen: "Serum", unit: "mmol/L", refLow: 3.5, refHigh: 5.1 },
  { code: "CL", loinc: "2075-0", name: "Chloride", specimen: "Serum", unit: "mmol/L", refLow: 98, refHigh: 107 },
  {
    code: "ALT",
    loinc: "1742-6",
    name: "Alanine aminotransferase (ALT)",
    specimen: "Serum",
    unit: "U/L",
    refLow: 7,
    refHigh: 56,
  },
  {
    code: "AST",
    loinc: "1920-8",
    name: "Aspartate aminotransferase (AST)",
    specimen: "Serum",
    unit: "U/L",
    refLow: 10,
    refHigh: 40,
  },
  {
    code: "ALP",
    loinc: "6768-6",
    name: "Alkaline phosphatase",
    specimen: "Serum",
    unit: "U/L",
    refLow: 44,
    refHigh: 147,
  },
  {
    code: "TBIL",
    loinc: "14631-6",
    name: "Bilirubin, total",
    specimen: "Serum",
    unit: "µmol/L",
    refLow: 3,
    refHigh: 21,
  },
  { code: "ALB", loinc: "1751-7", name: "Albumin", specimen: "Serum", unit: "g/L", refLow: 35, refHigh: 50 },
  {
    code: "CRP",
    loinc: "1988-5",
    name: "C-reactive protein",
    specimen: "Serum",
    unit: "mg/L",
    refLow: null,
    refHigh: 5,
  },
  {
    code: "TSH",
    loinc: "3016-3",
    name: "Thyroid-stimulating hormone (TSH)",
    specimen: "Serum",
    unit: "mIU/L",
    refLow: 0.4,
    refHigh: 4,
  },
  {
    code: "CHOL",
    loinc: "14647-2",
    name: "Cholesterol, total",
    specimen: "Serum",
    unit: "mmol/L",
    refLow: null,
    refHigh: 5.2,
  },
  {
    code: "LDL",
    loinc: "22748-8",
    name: "LDL cholesterol",
    specimen: "Serum",
    unit: "mmol/L",
    refLow: null,
    refHigh: 3.4,
  },
  {
    code: "HDL",
    loinc: "14646-4",
    name: "HDL cholesterol",
    specimen: "Serum",
    unit: "mmol/L",
    refLow: 1,
    refHigh: null,
  },
  {
    code: "TG",
    loinc: "14927-8",
    name: "Triglycerides",
    specimen: "Serum",
    unit: "mmol/L",
    refLow: null,
    refHigh: 1.7,
  },
  { code: "INR", loinc: "6301-6", name: "INR", specimen: "Plasma", unit: null, refLow: 0.8, refHigh: 1.2 },
  { code: "URIC", loinc: "14933-6", name: "Uric acid", specimen: "Serum", unit: "µmol/L", refLow: 200, refHigh: 430 },
  {
    code: "MAL-RDT",
    loinc: "70569-9",
    name: "Malaria rapid diagnostic test",
    specimen: "Blood",
    unit: null,
    refLow: null,
    refHigh: null,
  },
  {
    code: "HIV-RAPID",
    loinc: "75622-1",
    name: "HIV 1+2 rapid test",
    specimen: "Blood",
    unit: null,
    refLow: null,
    refHigh: null,
  },
  {
    code: "HCG-U",
    loinc: "2106-3",
    name: "Pregnancy test (urine hCG)",
    specimen: "Urine",
    unit: null,
    refLow: null,
    refHigh: null,
  },
  {
    code: "UA-PROT",
    loinc: "2888-6",
    name: "Urine dipstick: protein",
    specimen: "Urine",
    unit: null,
    refLow: null,
    refHigh: null,
  },
  {
    code: "UA-GLU",
    loinc: "2350-7",
    name: "Urine dipstick: glucose",
    specimen: "Urine",
    unit: null,
    refLow: null,
    refHigh: null,
  },
  {
    code: "UA-LEU",
    loinc: "5799-2",
    name: "Urine dipstick: leukocyte esterase",
    specimen: "Urine",
    unit: null,
    refLow: null,
    refHigh: null,
  },
  {
    code: "UA-NIT",
    loinc: "5802-4",
    name: "Urine dipstick: nitrite",
    specimen: "Urine",
    unit: null,
    refLow: null,
    refHigh: null,
  },
  {
    code: "UA-SG",
    loinc: "5811-5",
    name: "Urine dipstick: specific gravity",
    specimen: "Urine",
    unit: null,
    refLow: 1.005,
    refHigh: 1.03,
  },
];

/** Loads the catalogue if missing (idempotent: existing tests, and edits to them, are kept). */
export async function ensureLabCatalogue(prisma: Pick<Db, "labTest">): Promise<{ added: number }> {
  const { count } = await prisma.labTest.createMany({ data: LAB_CATALOGUE, skipDuplicates: true });
  return { added: count };
}
