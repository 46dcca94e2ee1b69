import type { PrescriptionStatus } from "@/lib/generated/prisma/enums";

/** Statuses whose drugs the patient is (or may soon be) taking: interactions are checked against them. */
export const LIVE_STATUSES = ["ACTIVE", "PARTIALLY_DISPENSED"] as const satisfies readonly PrescriptionStatus[];

/**
 * The status as of `now`: a live prescription (ACTIVE or PARTIALLY_DISPENSED) past its expiry is
 * EXPIRED; dispensed and revoked ones stay as they are. Stored rows are not rewritten when they
 * expire, so every reader (pages, API, dispensing, the /rx page) goes through this.
 */
export function effectiveStatus(p: { status: PrescriptionStatus; expiresAt: Date }, now: Date): PrescriptionStatus {
  if ((p.status === "ACTIVE" || p.status === "PARTIALLY_DISPENSED") && now.getTime() >= p.expiresAt.getTime())
    return "EXPIRED";
  return p.status;
}
