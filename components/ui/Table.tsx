/**
 * A column heading; `className` hides a secondary column on narrow screens (e.g. WIDE_ONLY), its
 * cells carrying the same class and its content stacked into another cell there.
 */
export type Column = string | { label: string; className: string };

/** A secondary column shown from the lg breakpoint (a tablet's 768 px stacks it into another cell). */
export const WIDE_ONLY = "hidden lg:table-cell";
/** The stacked copy of a WIDE_ONLY column's content, shown below lg only. */
export const NARROW_ONLY = "lg:hidden";

/** A bordered, horizontally scrollable table with a header row; rows are the caller's <tr>s. */
export function Table({ head, children }: { head: Column[]; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {head.map((h) => {
              const { label, className = "" } = typeof h === "string" ? { label: h } : h;
              return (
                <th key={label} scope="col" className={`px-4 py-2 font-medium ${className}`}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export const cell = "px-4 py-2";
