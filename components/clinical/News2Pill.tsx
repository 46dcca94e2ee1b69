import { Badge } from "@/components/ui/Badge";
import type { News2Band } from "@/lib/clinical/news2";
import type { Messages } from "@/lib/i18n/en";

const TONE = { low: "success", "low-medium": "warning", medium: "warning", high: "danger" } as const;

/** A latest NEWS2 in words and colour ("NEWS2 5 · medium"), or a dash when there is none. */
export function News2Pill({
  news2,
  labels,
}: {
  news2: { score: number; band: News2Band } | null;
  labels: Messages["clinical"]["vitals"];
}) {
  if (!news2) return <span className="text-slate-500">—</span>;
  return (
    <span data-news2={news2.score} data-news2-band={news2.band}>
      <Badge tone={TONE[news2.band]}>{`${labels.news2} ${news2.score} · ${labels.news2Bands[news2.band]}`}</Badge>
    </span>
  );
}
