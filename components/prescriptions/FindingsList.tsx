import { Badge } from "@/components/ui/Badge";
import type { Finding } from "@/lib/prescriptions/safety";

const TONE = { high: "danger", moderate: "warning", low: "neutral" } as const;

/** Safety findings, most severe first: kind, severity, drugs and the clinician-readable message. */
export function FindingsList({
  findings,
  kinds,
  severities,
}: {
  findings: Finding[];
  kinds: Record<Finding["kind"], string>;
  severities: Record<Finding["severity"], string>;
}) {
  const order = { high: 0, moderate: 1, low: 2 };
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {sorted.map((f, i) => (
        <li key={i} className="space-y-1 py-2">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={TONE[f.severity]}>{severities[f.severity]}</Badge>
            <span className="font-medium text-slate-900">{kinds[f.kind]}</span>
            <span className="text-slate-600">{f.drugs.join(" + ")}</span>
          </div>
          <p className="text-slate-700">{f.message}</p>
        </li>
      ))}
    </ul>
  );
}
