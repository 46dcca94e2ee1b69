import type { BedState } from "@/lib/generated/prisma/enums";

/** Colour and pattern per state; the state is always written too, never colour alone. */
export const STATE_STYLE: Record<BedState, { tile: string; dot: string }> = {
  FREE: { tile: "border-green-600 bg-green-50 text-green-900 hover:bg-green-100", dot: "bg-green-600" },
  OCCUPIED: { tile: "border-brand-600 bg-brand-50 text-brand-900 hover:bg-brand-100", dot: "bg-brand-600" },
  CLEANING: { tile: "border-amber-500 bg-amber-50 text-amber-900 hover:bg-amber-100", dot: "bg-amber-500" },
  OUT_OF_SERVICE: {
    tile: "border-dashed border-slate-400 bg-slate-100 text-slate-600 hover:bg-slate-200",
    dot: "bg-slate-400",
  },
};

/** The legend of the board's colours, with their words. */
export function StateLegend({ states, title }: { states: Record<BedState, string>; title: string }) {
  return (
    <div className="flex flex-wrap items-center gap-4 text-sm text-slate-700" aria-label={title}>
      {(Object.keys(STATE_STYLE) as BedState[]).map((s) => (
        <span key={s} className="inline-flex items-center gap-2">
          <span aria-hidden className={`inline-block h-3 w-3 rounded-sm ${STATE_STYLE[s].dot}`} />
          {states[s]}
        </span>
      ))}
    </div>
  );
}
