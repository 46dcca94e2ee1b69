import { Badge } from "@/components/ui/Badge";

const TONES = { open: "warning", paid: "success", void: "neutral" } as const;

export function InvoiceStatusBadge({ status, label }: { status: keyof typeof TONES; label: string }) {
  return <Badge tone={TONES[status]}>{label}</Badge>;
}
