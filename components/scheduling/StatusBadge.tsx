import { Badge } from "@/components/ui/Badge";
import { messages } from "@/lib/i18n";
import type { Status } from "@/lib/scheduling/schemas";

const TONES = { BOOKED: "neutral", CHECKED_IN: "warning", COMPLETED: "success", CANCELLED: "danger", NO_SHOW: "danger" } as const;

export function StatusBadge({ status }: { status: Status }) {
  return <Badge tone={TONES[status]}>{messages().scheduling.statuses[status]}</Badge>;
}
