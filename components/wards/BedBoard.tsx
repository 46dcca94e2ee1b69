"use client";

import { useState } from "react";
import type { BedState } from "@/lib/generated/prisma/enums";
import type { BoardBed, BoardWard, Occupancy } from "@/lib/wards/queries";
import { useAppLocale } from "@/lib/i18n/client";
import { formatPercent } from "@/lib/wards/percent";
import { BedPanel, type PanelProps } from "./BedPanel";
import { STATE_STYLE } from "./BedTile";

type Labels = PanelProps["labels"];

function OccupancyLine({ o, labels, states }: { o: Occupancy; labels: Labels; states: Record<BedState, string> }) {
  const locale = useAppLocale();
  return (
    <p className="text-sm text-slate-600">
      <span className="font-semibold text-slate-900">{formatPercent(o.occupancyPct, locale)}</span> {labels.occupancy} ·{" "}
      {labels.total} {o.total} · {states.OCCUPIED} {o.occupied} · {states.FREE} {o.free} · {states.CLEANING}{" "}
      {o.cleaning} · {states.OUT_OF_SERVICE} {o.outOfService}
    </p>
  );
}

/** Wards → rooms → beds as tiles; a click opens the bed's panel with what may be done to it. */
export function BedBoard({
  wards,
  states,
  labels,
  ...panel
}: { wards: BoardWard[]; states: Record<BedState, string>; labels: Labels } & Omit<
  PanelProps,
  "bed" | "place" | "wardId" | "labels" | "states" | "onClose"
>) {
  const [selected, setSelected] = useState<{ bed: BoardBed; place: string; wardId: string } | null>(null);
  // After an action the page refreshes: show the bed as it is now.
  const current = selected
    ? (wards.flatMap((w) => w.rooms.flatMap((r) => r.beds)).find((b) => b.id === selected.bed.id) ?? selected.bed)
    : null;
  return (
    <div className="space-y-6">
      {wards.map((w) => (
        <section
          key={w.id}
          aria-labelledby={`ward-${w.id}`}
          className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        >
          <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id={`ward-${w.id}`} className="text-lg font-semibold text-slate-900">
              {w.name}{" "}
              {w.department ? <span className="text-sm font-normal text-slate-600">· {w.department}</span> : null}
            </h2>
            <OccupancyLine o={w.occupancy} labels={labels} states={states} />
          </div>
          <div className="flex flex-wrap gap-x-8 gap-y-4">
            {w.rooms.map((r) => (
              <div key={r.id}>
                <h3 className="mb-2 text-sm font-medium text-slate-700">{r.name}</h3>
                <ul className="flex flex-wrap gap-2">
                  {r.beds.map((b) => (
                    <li key={b.id} className="w-32">
                      <button
                        type="button"
                        onClick={() =>
                          setSelected({ bed: b, place: `${w.name} · ${r.name} · ${b.label}`, wardId: w.id })
                        }
                        aria-label={`${r.name} ${b.label}: ${states[b.state]}${b.admission ? `, ${b.admission.patientName}` : ""}`}
                        data-state={b.state}
                        className={`flex h-full min-h-20 w-full flex-col items-start rounded-md border-2 px-3 py-2 text-left text-sm transition-colors focus:outline-none focus:ring-2 focus:ring-brand-600 ${STATE_STYLE[b.state].tile}`}
                      >
                        {/* spaces between the parts: the visible words read as the name's words (axe) */}
                        <span className="font-semibold">{b.label}</span>{" "}
                        <span className="text-xs font-medium uppercase tracking-wide">{states[b.state]}</span>{" "}
                        {b.admission ? <span className="mt-1 truncate text-xs">{b.admission.patientName}</span> : null}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </section>
      ))}
      {selected && current ? (
        <BedPanel
          {...panel}
          bed={current}
          place={selected.place}
          wardId={selected.wardId}
          labels={labels}
          states={states}
          onClose={() => setSelected(null)}
        />
      ) : null}
    </div>
  );
}
