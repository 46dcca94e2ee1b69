import { z } from "zod";
import { defineOperation } from "@/lib/server/contract";

// The success bodies of its GETs (JSON as sent: dates are ISO strings).
const getStatsResponse = z.object({
  patients: z.object({
    total: z.number().int(),
    active: z.number().int(),
  }),
  staff: z.object({
    total: z.number().int(),
    byRole: z.object({
      ADMIN: z.number().int(),
      DOCTOR: z.number().int(),
      NURSE: z.number().int(),
      PHARMACIST: z.number().int(),
      RECORDS_OFFICER: z.number().int(),
    }),
  }),
  departments: z.number().int(),
  appointments: z.object({
    byStatus: z.object({
      BOOKED: z.number().int(),
      CHECKED_IN: z.number().int(),
      COMPLETED: z.number().int(),
      CANCELLED: z.number().int(),
      NO_SHOW: z.number().int(),
    }),
  }),
  beds: z.object({
    total: z.number().int(),
    occupied: z.number().int(),
    free: z.number().int(),
    cleaning: z.number().int(),
    outOfService: z.number().int(),
  }),
});

// The stats operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getStats: defineOperation({
    response: getStatsResponse,
    method: "GET",
    path: "/stats",
    tag: "meta",
    summary: "Counts of patients, staff by role, appointments by status, beds occupied and free.",
    permission: "stats.read",
  }),
};
