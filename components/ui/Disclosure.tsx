/**
 * A form opened on demand: a button-like summary and, once opened, its panel (a native disclosure,
 * so it works without JavaScript and stays open across a server action's re-render). Not printed.
 */
export function Disclosure({
  label,
  children,
  className = "",
  open = false,
}: {
  label: string;
  children: React.ReactNode;
  className?: string;
  open?: boolean;
}) {
  return (
    <details
      open={open}
      className={`group rounded-lg border border-slate-200 bg-white shadow-sm print:hidden ${className}`}
    >
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-lg px-4 py-2 text-sm font-semibold text-brand-700 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <span>{label}</span>
        <span aria-hidden="true" className="text-slate-500 transition-transform group-open:rotate-45">
          +
        </span>
      </summary>
      <div className="border-t border-slate-100 p-4">{children}</div>
    </details>
  );
}
