"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/ui/ChartFigure";
import { INTL_TAG } from "@/lib/i18n";
import { useAppLocale } from "@/lib/i18n/client";

/** A count per day as bars (recharts, rendered in the browser): registrations, appointments. */
export function PerDayChart({
  data,
  label,
  series,
}: {
  data: { day: string; count: number }[];
  label: string;
  series: string;
}) {
  // "22 Nov" / "22 nov." for a YYYY-MM-DD day (read as UTC, so the day never shifts).
  const dayLabel = new Intl.DateTimeFormat(INTL_TAG[useAppLocale()], {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
  const tick = (d: string) => dayLabel.format(new Date(`${d}T00:00:00Z`));
  return (
    <ChartFigure label={label} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="day"
            tickFormatter={tick}
            tick={{ fontSize: 12, fill: "#475569" }}
            interval="preserveStartEnd"
          />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} />
          <Tooltip labelFormatter={(d) => tick(String(d))} />
          <Bar dataKey="count" name={series} fill="#1d5fbf" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
