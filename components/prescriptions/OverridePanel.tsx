import { FindingsList } from "@/components/prescriptions/FindingsList";
import type { Messages } from "@/lib/i18n/en";
import type { Finding } from "@/lib/prescriptions/safety";

/**
 * A prescription signed despite safety findings, as the next clinician must see it: a red-edged
 * panel with every finding (most severe first, each with its severity in words) and the
 * prescriber's reason, then whatever the page puts below (the acknowledgement or its button).
 */
export function OverridePanel({
  title,
  intro,
  reasonLabel,
  reason,
  findings,
  m,
  children,
}: {
  title: string;
  intro: string;
  reasonLabel: string;
  reason: string;
  /** Already in the reader's language (localizeFindings). */
  findings: Finding[];
  m: Pick<Messages["prescriptions"], "kinds" | "severities">;
  children?: React.ReactNode;
}) {
  return (
    <section aria-labelledby="override-title" className="rounded-lg border-2 border-red-300 bg-white shadow-sm">
      <div className="rounded-t-md bg-red-50 px-5 py-3">
        <h2 id="override-title" className="text-base font-semibold text-red-900">
          ⚠ {title}
        </h2>
        <p className="mt-1 text-sm text-red-900">{intro}</p>
      </div>
      <div className="space-y-4 px-5 py-4">
        <FindingsList findings={findings} kinds={m.kinds} severities={m.severities} />
        <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-semibold">{reasonLabel}</p>
          <p className="mt-1 whitespace-pre-wrap">{reason}</p>
        </div>
        {children}
      </div>
    </section>
  );
}
