"use client";

import { useAppLocale } from "@/lib/i18n/client";
import { formatDay, formatTime, formatWhen } from "@/lib/scheduling/time";

export type SlotDay = { date: string; slots: { startsAt: string; endsAt: string; free: boolean }[] };
type Labels = { free: string; taken: string; noSlots: string };

/**
 * A doctor's slots grouped by day. With `onPick`, free slots are buttons and taken ones disabled
 * buttons; without it (a preview, or a reader who cannot book) they are plain chips.
 */
export function SlotPicker({
  days,
  labels,
  onPick,
  disabled = false,
}: {
  days: SlotDay[];
  labels: Labels;
  onPick?: (startsAt: string) => void;
  disabled?: boolean;
}) {
  const locale = useAppLocale();
  const chip = "rounded-md px-2.5 py-1.5 text-sm tabular-nums";
  return (
    <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
      {days.map((d) => {
        const label = formatDay(d.date, locale);
        return (
          <section
            key={d.date}
            aria-label={label}
            data-date={d.date}
            className="rounded-md border border-slate-200 p-3"
          >
            <h3 className="mb-2 text-sm font-semibold text-slate-800">{label}</h3>
            {d.slots.length === 0 ? (
              <p className="text-sm text-slate-500">{labels.noSlots}</p>
            ) : (
              <ul className="flex flex-wrap gap-1.5">
                {d.slots.map((s) => {
                  const time = formatTime(s.startsAt);
                  const name = `${formatWhen(s.startsAt, locale)}, ${s.free ? labels.free : labels.taken}`;
                  return (
                    <li key={s.startsAt}>
                      {onPick ? (
                        <button
                          type="button"
                          aria-label={name}
                          data-starts-at={s.startsAt}
                          disabled={!s.free || disabled}
                          onClick={() => onPick(s.startsAt)}
                          className={`${chip} ${s.free ? "bg-brand-50 text-brand-800 ring-1 ring-brand-200 hover:bg-brand-100 disabled:opacity-60" : "cursor-not-allowed bg-slate-100 text-slate-600 line-through"}`}
                        >
                          {time}
                        </button>
                      ) : (
                        <span
                          aria-label={name}
                          data-starts-at={s.startsAt}
                          className={`${chip} inline-block ${s.free ? "bg-green-50 text-green-800 ring-1 ring-green-200" : "bg-slate-100 text-slate-600 line-through"}`}
                        >
                          {time}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
