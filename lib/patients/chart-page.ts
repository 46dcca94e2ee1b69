import { cache } from "react";
import { guardPage } from "@/lib/server/guard";
import { db } from "@/lib/server/db";
import { can, type Permission } from "@/lib/server/permissions";
import type { Role } from "@/lib/server/permissions";
import { patientBanner } from "./banner";
import { openChart } from "./chart";

/** The chart's tabs: their path under /patients/[id] and the permission each needs besides patient.chart.read. */
export const CHART_TABS = [
  { key: "summary", path: "", need: null },
  { key: "visits", path: "/visits", need: "clinical.read" },
  { key: "vitals", path: "/vitals", need: "clinical.read" },
  { key: "results", path: "/results", need: "clinical.read" },
  { key: "medications", path: "/medications", need: "prescription.read" },
  { key: "admissions", path: "/admissions", need: "admission.manage" },
  { key: "documents", path: "/documents", need: null },
  { key: "billing", path: "/billing", need: "billing.read" },
] as const satisfies readonly { key: string; path: string; need: Permission | null }[];
export type ChartTab = (typeof CHART_TABS)[number]["key"];

/** The tabs a role may open (each also in e2e/routes.ts). */
export const chartTabsFor = (role: Role) => CHART_TABS.filter((t) => t.need === null || can(role, t.need));

/**
 * The chart opened once per request: the layout (banner, tabs) and the tab's page share one opening,
 * so one page view is one audit VIEW row.
 */
export const openedChart = cache(async (id: string) => {
  const ctx = await guardPage("patient.chart.read", `/patients/${id}`);
  const chart = await openChart(db(), ctx, id, { need: "patient.chart.read" });
  return { ctx, chart };
});

/** A tab's page: its own permission first (not allowed looks absent), then the shared opening. */
export async function openChartTab(id: string, tab: ChartTab) {
  const t = CHART_TABS.find((x) => x.key === tab)!;
  await guardPage(t.need ?? "patient.chart.read", `/patients/${id}${t.path}`);
  return openedChart(id);
}

/** The banner of the opened chart, read once per request (the layout and the summary show it). */
export const chartBanner = cache(async (id: string) => patientBanner(db(), (await openedChart(id)).chart));
