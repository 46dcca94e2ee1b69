import { Badge } from "@/components/ui/Badge";
import { messages } from "@/lib/server/locale";
import type { Status } from "@/lib/scheduling/schemas";

const TONES = {
  BOOKED: "neutral",
  CHECKED_IN: "warning",
  COMPLETED: "success",
  CANCELLED: "danger",
  NO_SHOW: "danger",
} as const;

export async function StatusBadge({ status }: { status: Status }) {
  return <Badge tone={TONES[status]}>{(await messages()).scheduling.statuses[status]}</Badge>;
}
