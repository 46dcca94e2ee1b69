import { Badge } from "@/components/ui/Badge";
import type { PrescriptionStatus } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/server/locale";

const TONES = {
  ACTIVE: "success",
  PARTIALLY_DISPENSED: "warning",
  DISPENSED: "neutral",
  REVOKED: "danger",
  EXPIRED: "danger",
} as const;

export async function RxStatusBadge({ status }: { status: PrescriptionStatus }) {
  return <Badge tone={TONES[status]}>{(await messages()).prescriptions.statuses[status]}</Badge>;
}
