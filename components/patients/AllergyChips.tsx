import type { AllergyChip } from "@/lib/patients/banner";

// Severity in words as well as colour: a severe allergy also says SEVERE and carries a warning sign.
const SEVERITY_STYLE: Record<string, string> = {
  severe: "border-red-800 bg-red-700 text-white",
  moderate: "border-red-300 bg-red-50 text-red-900",
  mild: "border-amber-300 bg-amber-50 text-amber-900",
};

export type AllergyChipLabels = {
  allergies: string;
  noAllergies: string;
  severe: string;
  severities: Record<string, string>;
};

/**
 * A patient's allergies as the banner shows them, one chip each (severe in red, marked SEVERE and ⚠;
 * the others with their severity in words). Server or client: it only renders what it is given.
 */
export function AllergyChips({
  allergies,
  labels: m,
  ...rest
}: { allergies: AllergyChip[]; labels: AllergyChipLabels } & React.HTMLAttributes<HTMLElement>) {
  return (
    <section
      aria-label={m.allergies}
      className="mt-1 flex flex-wrap items-baseline gap-1.5 text-sm"
      data-banner-allergies
      {...rest}
    >
      <span className="font-semibold">{m.allergies}:</span>
      {allergies.length === 0 ? (
        <span className="text-slate-700">{m.noAllergies}</span>
      ) : (
        allergies.map((a) => (
          <span
            key={a.id}
            className={`inline-block rounded border px-1.5 py-0.5 ${SEVERITY_STYLE[a.severity ?? "mild"]}`}
            data-severity={a.severity ?? "unknown"}
          >
            {a.severity === "severe" ? <span aria-hidden="true">⚠ </span> : null}
            {a.severity === "severe" ? <strong>{m.severe} </strong> : null}
            {a.substance}
            {a.reaction ? ` — ${a.reaction}` : ""}
            {a.severity && a.severity !== "severe" ? ` (${m.severities[a.severity] ?? a.severity})` : ""}
          </span>
        ))
      )}
    </section>
  );
}
