"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/ui/ChartFigure";
import type { News2Band } from "@/lib/clinical/news2";
import { NEWS2_LOW_BAND, normalBand, spo2Band, trendFlag, type FlaggedVital } from "@/lib/clinical/ranges";

export type TrendPoint = {
  at: string;
  label: string;
  systolic: number | null;
  pulse: number | null;
  temperatureC: number | null;
  spo2: number | null;
  respiratoryRate: number | null;
  news2: number | null;
  /** The set's context, to flag it as the table does: SpO₂ scale 2, on oxygen, NEWS2 band. */
  scale2: boolean;
  onOxygen: boolean | null;
  news2Band: News2Band | null;
};
type Labels = {
  trendLabel: string;
  normalBand: string;
  systolic: string;
  pulseShort: string;
  temp: string;
  spo2Short: string;
  rr: string;
  news2: string;
  low: string;
  high: string;
  news2Bands: Record<News2Band, string>;
};
type Series = "pulse" | "respiratoryRate" | "spo2" | "systolic" | "temperatureC" | "news2";

// Each panel: its axis range (widened to the data) and its shaded band.
const PANELS: {
  key: Series;
  title: (l: Labels) => string;
  unit: string;
  axis: [number, number];
  band: { low: number; high: number | null };
  colour: string;
}[] = [
  {
    key: "pulse",
    title: (l) => l.pulseShort,
    unit: "/min",
    axis: [40, 140],
    band: normalBand("pulse"),
    colour: "#1d5fbf",
  },
  {
    key: "respiratoryRate",
    title: (l) => l.rr,
    unit: "/min",
    axis: [8, 30],
    band: normalBand("respiratoryRate"),
    colour: "#0369a1",
  },
  { key: "spo2", title: (l) => l.spo2Short, unit: "%", axis: [85, 100], band: normalBand("spo2"), colour: "#0f766e" },
  {
    key: "systolic",
    title: (l) => l.systolic,
    unit: "mmHg",
    axis: [80, 200],
    band: normalBand("systolic"),
    colour: "#b91c1c",
  },
  {
    key: "temperatureC",
    title: (l) => l.temp,
    unit: "°C",
    axis: [35, 40],
    band: normalBand("temperatureC"),
    colour: "#7c3aed",
  },
  { key: "news2", title: (l) => l.news2, unit: "", axis: [0, 10], band: NEWS2_LOW_BAND, colour: "#334155" },
];

const flagOf = (key: Series, p: TrendPoint) =>
  trendFlag(key as FlaggedVital | "news2", {
    value: p[key],
    scale2: p.scale2,
    onOxygen: p.onOxygen,
    news2Band: p.news2Band,
  });

/** One vital over time, its normal band shaded, readings outside it drawn as larger red dots. */
function Panel({ points, panel, labels }: { points: TrendPoint[]; panel: (typeof PANELS)[number]; labels: Labels }) {
  const measured = points.filter((p) => p[panel.key] !== null);
  if (measured.length === 0) return null;
  const values = measured.map((p) => p[panel.key] as number);
  const lo = Math.min(panel.axis[0], ...values);
  const hi = Math.max(panel.axis[1], ...values);
  const last = measured[measured.length - 1];
  const latest = values[values.length - 1];
  // The latest reading's flag in words as well as colour: Low/High, or NEWS2's band.
  const flag = flagOf(panel.key, last);
  const flagText =
    panel.key === "news2" && last.news2Band
      ? labels.news2Bands[last.news2Band]
      : flag === "LOW"
        ? labels.low
        : flag === "HIGH"
          ? labels.high
          : null;
  // A scale-2 patient's SpO₂ is shaded at its 88–92 % target.
  const band = panel.key === "spo2" ? spo2Band(last.scale2) : panel.band;
  const title = panel.title(labels);
  return (
    <div className="rounded-md border border-slate-200 p-2" data-trend={panel.key}>
      <p className="flex items-baseline justify-between gap-2 text-xs text-slate-600">
        <span className="font-medium text-slate-800">{title}</span>
        <span
          className={`tabular-nums ${flag ? "font-semibold text-red-800" : ""}`}
          data-trend-latest={panel.key}
          data-flag={flag ?? undefined}
        >
          {latest}
          {panel.unit ? ` ${panel.unit}` : ""}
          {flagText ? ` · ${flagText}` : ""}
        </span>
      </p>
      <ChartFigure label={title} className="h-28 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 4, right: 4, bottom: 0, left: -24 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <ReferenceArea
              y1={band.low}
              y2={band.high ?? hi}
              fill="#16a34a"
              fillOpacity={0.12}
              stroke="none"
              ifOverflow="hidden"
            />
            <XAxis dataKey="label" tick={false} height={4} />
            <YAxis
              tick={{ fontSize: 10, fill: "#475569" }}
              domain={[lo, hi]}
              allowDecimals={panel.key === "temperatureC"}
            />
            <Tooltip formatter={(v) => [`${v}${panel.unit ? ` ${panel.unit}` : ""}`, title]} />
            <Line
              dataKey={panel.key}
              name={title}
              stroke={panel.colour}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
              dot={(p: { cx?: number; cy?: number; index?: number; value?: number | null }) => {
                const point = p.index === undefined ? undefined : points[p.index];
                const off = point ? flagOf(panel.key, point) !== null : false;
                return (
                  <circle
                    key={p.index}
                    cx={p.cx}
                    cy={p.cy}
                    r={off ? 4 : 2}
                    fill={off ? "#b91c1c" : panel.colour}
                    stroke="none"
                  />
                );
              }}
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartFigure>
    </div>
  );
}

/**
 * Small multiples, oldest to newest: pulse, respiration, SpO₂, systolic pressure, temperature and
 * NEWS2, each on its own axis with its normal band shaded (lib/clinical/ranges.ts), drawn in the
 * browser without animation. Decorative for screen readers beyond their labels: the table carries the
 * same numbers with their flags in words.
 */
export function VitalsTrend({ points, labels }: { points: TrendPoint[]; labels: Labels }) {
  return (
    <figure data-testid="vitals-trend" aria-label={labels.trendLabel}>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {PANELS.map((panel) => (
          <Panel key={panel.key} points={points} panel={panel} labels={labels} />
        ))}
      </div>
      <figcaption className="mt-1 text-xs text-slate-600">{labels.normalBand}</figcaption>
    </figure>
  );
}
