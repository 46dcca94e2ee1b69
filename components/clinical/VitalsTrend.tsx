"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/ui/ChartFigure";
import { NEWS2_LOW_BAND, normalBand, vitalFlag, type FlaggedVital } from "@/lib/clinical/ranges";

export type TrendPoint = {
  at: string;
  label: string;
  systolic: number | null;
  pulse: number | null;
  temperatureC: number | null;
  spo2: number | null;
  respiratoryRate: number | null;
  news2: number | null;
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
};
type Series = keyof Omit<TrendPoint, "at" | "label">;

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

const isFlagged = (key: Series, value: number | null) =>
  value !== null && (key === "news2" ? value > NEWS2_LOW_BAND.high : vitalFlag(key as FlaggedVital, value) !== null);

/** One vital over time, its normal band shaded, readings outside it drawn as larger red dots. */
function Panel({ points, panel, labels }: { points: TrendPoint[]; panel: (typeof PANELS)[number]; labels: Labels }) {
  const values = points.map((p) => p[panel.key]).filter((x): x is number => x !== null);
  if (values.length === 0) return null;
  const lo = Math.min(panel.axis[0], ...values);
  const hi = Math.max(panel.axis[1], ...values);
  const latest = values[values.length - 1];
  const flag = panel.key === "news2" ? null : vitalFlag(panel.key as FlaggedVital, latest);
  const title = panel.title(labels);
  return (
    <div className="rounded-md border border-slate-200 p-2" data-trend={panel.key}>
      <p className="flex items-baseline justify-between gap-2 text-xs text-slate-600">
        <span className="font-medium text-slate-800">{title}</span>
        <span className={`tabular-nums ${flag || isFlagged(panel.key, latest) ? "font-semibold text-red-800" : ""}`}>
          {latest}
          {panel.unit ? ` ${panel.unit}` : ""}
          {flag ? ` · ${flag === "LOW" ? labels.low : labels.high}` : ""}
        </span>
      </p>
      <ChartFigure label={title} className="h-28 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 4, right: 4, bottom: 0, left: -24 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <ReferenceArea
              y1={panel.band.low}
              y2={panel.band.high ?? hi}
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
                const off = isFlagged(panel.key, p.value ?? null);
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
