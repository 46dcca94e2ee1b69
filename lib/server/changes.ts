type Scalar = string | number | boolean | null;

/** One changed field as the audit trail records it (JSON, so only plain values). */
export type Change = { from: Scalar; to: Scalar };

/**
 * The fields of `next` whose value differs from `before`, with both values, for audit details.
 * Fields absent from `next` (undefined) are unchanged by PATCH semantics and left out.
 */
export function changedFields<T extends Record<string, Scalar | undefined>>(
  before: T,
  next: Partial<T>,
): Record<string, Change> {
  const changes: Record<string, Change> = {};
  for (const [key, to] of Object.entries(next)) {
    if (to === undefined) continue;
    const from = before[key] ?? null;
    if (from !== (to ?? null)) changes[key] = { from, to: to ?? null };
  }
  return changes;
}
