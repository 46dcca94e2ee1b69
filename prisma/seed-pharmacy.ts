import { ensureDrugCatalogue } from "../lib/pharmacy/catalogue";
import { DRUG_CATALOGUE } from "../lib/pharmacy/catalogue-data";
import type { Db } from "../lib/server/db";

// Demo stock for the pharmacist's dashboard: two amoxicillin batches (one expiring soon), a few
// drugs under their reorder level (ibuprofen, metformin, salbutamol), one expired batch; every
// other catalogue drug gets one comfortable batch so that "low stock" means something. Expiry dates are relative to the day of
// seeding so the dashboard always has something real to show. Idempotent: existing lots are kept.

type DemoBatch = {
  generic: string;
  form: string;
  strength: string;
  lot: string;
  expiresInDays: number;
  quantity: number;
};

const BATCHES: DemoBatch[] = [
  { generic: "amoxicillin", form: "capsule", strength: "500 mg", lot: "AMX-2411-A", expiresInDays: 25, quantity: 60 },
  { generic: "amoxicillin", form: "capsule", strength: "500 mg", lot: "AMX-2506-B", expiresInDays: 420, quantity: 240 },
  {
    generic: "amoxicillin clavulanate",
    form: "tablet",
    strength: "875 mg/125 mg",
    lot: "AUG-2503",
    expiresInDays: 300,
    quantity: 140,
  },
  { generic: "paracetamol", form: "tablet", strength: "500 mg", lot: "PCM-2502", expiresInDays: 540, quantity: 1200 },
  { generic: "ibuprofen", form: "tablet", strength: "400 mg", lot: "IBU-2412", expiresInDays: 200, quantity: 150 },
  { generic: "metformin", form: "tablet", strength: "500 mg", lot: "MET-2501", expiresInDays: 365, quantity: 80 },
  {
    generic: "salbutamol",
    form: "inhaler",
    strength: "100 mcg/dose",
    lot: "SAL-2409",
    expiresInDays: 250,
    quantity: 12,
  },
  { generic: "azithromycin", form: "tablet", strength: "500 mg", lot: "AZI-2410", expiresInDays: 45, quantity: 90 },
  { generic: "cetirizine", form: "tablet", strength: "10 mg", lot: "CET-2311", expiresInDays: -12, quantity: 40 },
  { generic: "cetirizine", form: "tablet", strength: "10 mg", lot: "CET-2505", expiresInDays: 380, quantity: 150 },
  { generic: "omeprazole", form: "capsule", strength: "20 mg", lot: "OME-2504", expiresInDays: 330, quantity: 400 },
  { generic: "atorvastatin", form: "tablet", strength: "20 mg", lot: "ATO-2507", expiresInDays: 600, quantity: 300 },
  { generic: "lisinopril", form: "tablet", strength: "10 mg", lot: "LIS-2505", expiresInDays: 480, quantity: 280 },
  { generic: "amlodipine", form: "tablet", strength: "5 mg", lot: "AML-2506", expiresInDays: 510, quantity: 320 },
  { generic: "ciprofloxacin", form: "tablet", strength: "500 mg", lot: "CIP-2502", expiresInDays: 270, quantity: 120 },
  { generic: "metronidazole", form: "tablet", strength: "400 mg", lot: "MTZ-2501", expiresInDays: 240, quantity: 160 },
  { generic: "ondansetron", form: "tablet", strength: "4 mg", lot: "OND-2503", expiresInDays: 400, quantity: 90 },
  { generic: "furosemide", form: "tablet", strength: "40 mg", lot: "FUR-2504", expiresInDays: 450, quantity: 220 },
  { generic: "warfarin", form: "tablet", strength: "5 mg", lot: "WAR-2502", expiresInDays: 390, quantity: 100 },
  { generic: "prednisolone", form: "tablet", strength: "5 mg", lot: "PRE-2412", expiresInDays: 30, quantity: 70 },
];

/** One batch of four times the reorder level, one to two years out, for each drug not listed above. */
const ample = (): DemoBatch[] =>
  DRUG_CATALOGUE.filter(
    (d) => !BATCHES.some((b) => b.generic === d.genericName && b.form === d.form && b.strength === d.strength),
  ).map((d, i) => ({
    generic: d.genericName,
    form: d.form,
    strength: d.strength,
    lot: `${d.genericName
      .replace(/[^a-z]/g, "")
      .slice(0, 3)
      .toUpperCase()}-${2500 + i}`,
    expiresInDays: 380 + ((i * 37) % 360),
    quantity: Math.max(d.reorderLevel * 4, 20),
  }));

export async function seedPharmacy(prisma: Db): Promise<void> {
  await ensureDrugCatalogue(prisma);
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  for (const b of [...BATCHES, ...ample()]) {
    const drug = await prisma.drug.findUniqueOrThrow({
      where: { genericName_form_strength: { genericName: b.generic, form: b.form, strength: b.strength } },
      select: { id: true },
    });
    await prisma.stockBatch.upsert({
      where: { drugId_lot: { drugId: drug.id, lot: b.lot } },
      update: {},
      create: {
        drugId: drug.id,
        lot: b.lot,
        expiresOn: new Date(today.getTime() + b.expiresInDays * 86_400_000),
        quantity: b.quantity,
      },
    });
  }
}
