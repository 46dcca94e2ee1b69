import { Badge } from "@/components/ui/Badge";
import type { EmailStatus } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/server/locale";

const TONE = { SENT: "success", OUTBOX: "warning", FAILED: "danger" } as const;

export async function OutboxStatus({ status }: { status: EmailStatus }) {
  return <Badge tone={TONE[status]}>{(await messages()).staff.outbox.statuses[status]}</Badge>;
}

/** An email's text with its links clickable, so an admin can hand one on or open it. */
export function EmailText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <pre className="whitespace-pre-wrap break-words rounded-md bg-slate-50 p-4 font-sans text-sm text-slate-800">
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <a key={i} href={p} className="text-brand-700 underline">
            {p}
          </a>
        ) : (
          p
        ),
      )}
    </pre>
  );
}
