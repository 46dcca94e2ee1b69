"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/ui/ChartFigure";

export type TrendPoint = { at: string; label: string; systolic: number | null; diastolic: number | null; pulse: number | null; temperatureC: number | null; spo2: number | null };
type Labels = { trendLabel: string; systolic: string; diastolic: string; pulseShort: string; temp: string; spo2Short: string };

/**
 * Blood pressure, pulse and SpO₂ on one axis, temperature on its own, oldest to newest (recharts,
 * drawn in the browser without animation). The chart is decorative for screen readers: the table
 * beside it carries the same numbers.
 */
export function VitalsTrend({ points, labels }: { points: TrendPoint[]; labels: Labels }) {
  return (
    <ChartFigure label={labels.trendLabel} className="h-72 w-full" testId="vitals-trend">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} interval="preserveStartEnd" />
          <YAxis yAxisId="main" tick={{ fontSize: 12, fill: "#475569" }} domain={[40, "auto"]} />
          <YAxis yAxisId="temp" orientation="right" tick={{ fontSize: 12, fill: "#475569" }} domain={[34, 41]} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line yAxisId="main" dataKey="systolic" name={labels.systolic} stroke="#b91c1c" strokeWidth={2} connectNulls isAnimationActive={false} />
          <Line yAxisId="main" dataKey="diastolic" name={labels.diastolic} stroke="#f97316" strokeWidth={2} connectNulls isAnimationActive={false} />
          <Line yAxisId="main" dataKey="pulse" name={labels.pulseShort} stroke="#1d5fbf" strokeWidth={2} connectNulls isAnimationActive={false} />
          <Line yAxisId="main" dataKey="spo2" name={labels.spo2Short} stroke="#0f766e" strokeWidth={2} connectNulls isAnimationActive={false} />
          <Line yAxisId="temp" dataKey="temperatureC" name={labels.temp} stroke="#7c3aed" strokeWidth={2} strokeDasharray="4 2" connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
