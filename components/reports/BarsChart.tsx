"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/ui/ChartFigure";

/** Values by name as horizontal bars (recharts, rendered in the browser): occupancy per ward, top diagnoses. */
export function BarsChart({
  data,
  label,
  series,
  unit = "",
}: {
  data: { name: string; value: number }[];
  label: string;
  series: string;
  unit?: string;
}) {
  return (
    <ChartFigure label={label} className="min-h-40 w-full" height={Math.max(160, data.length * 32 + 40)}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} unit={unit} tick={{ fontSize: 12, fill: "#475569" }} />
          <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 12, fill: "#475569" }} />
          <Tooltip />
          <Bar
            dataKey="value"
            name={series}
            unit={unit}
            fill="#1d5fbf"
            radius={[0, 3, 3, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
