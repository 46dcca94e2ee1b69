import { DateTime } from "luxon";

// First-expiring-first-out: which batches a dispense takes its units from. Pure, so that the rule
// is tested without a database; the service locks the batches and writes what this decides.

export type Batch = { id: string; drugId: string; expiresOn: Date; quantity: number; receivedAt?: Date };
export type Need = { itemId: string; drugId: string; quantity: number };
export type Take = { itemId: string; batchId: string; quantity: number };
export type Allocation = { ok: true; takes: Take[] } | { ok: false; shortDrugIds: string[] };

/** The hospital's calendar day of an instant, as the UTC midnight a `@db.Date` column holds. */
export function dayOf(instant: Date, timeZone: string): Date {
  const local = DateTime.fromJSDate(instant, { zone: timeZone }).toISODate()!;
  return new Date(`${local}T00:00:00Z`);
}

/** A batch is usable through its expiry date and no longer. */
export const isExpired = (batch: { expiresOn: Date }, today: Date) => batch.expiresOn.getTime() < today.getTime();

const fefoOrder = (a: Batch, b: Batch) =>
  a.expiresOn.getTime() - b.expiresOn.getTime() ||
  (a.receivedAt?.getTime() ?? 0) - (b.receivedAt?.getTime() ?? 0) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Takes each need's units from the unexpired batches of its drug, earliest expiry first (then the
 * oldest delivery). Needs for the same drug share the batches. Either every need is met or nothing
 * is taken and the drugs that fall short are named.
 */
export function allocateFefo(needs: Need[], batches: Batch[], today: Date): Allocation {
  const left = new Map<string, number>();
  const byDrug = new Map<string, Batch[]>();
  for (const b of [...batches].sort(fefoOrder)) {
    if (isExpired(b, today) || b.quantity <= 0) continue;
    left.set(b.id, b.quantity);
    byDrug.set(b.drugId, [...(byDrug.get(b.drugId) ?? []), b]);
  }
  const takes: Take[] = [];
  const short = new Set<string>();
  for (const need of needs) {
    let wanted = need.quantity;
    for (const b of byDrug.get(need.drugId) ?? []) {
      if (wanted === 0) break;
      const n = Math.min(wanted, left.get(b.id)!);
      if (n === 0) continue;
      left.set(b.id, left.get(b.id)! - n);
      takes.push({ itemId: need.itemId, batchId: b.id, quantity: n });
      wanted -= n;
    }
    if (wanted > 0) short.add(need.drugId);
  }
  return short.size ? { ok: false, shortDrugIds: [...short] } : { ok: true, takes };
}
