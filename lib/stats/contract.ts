import { defineOperation } from "@/lib/server/contract";

// The stats operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getStats: defineOperation({ method: "GET", path: "/stats", tag: "meta", summary: "Counts of patients, staff by role, appointments by status, beds occupied and free.", permission: "stats.read" }),
};
