import { describe, expect, it } from "vitest";
import { ops as reports } from "@/lib/reports/contract";
import { ops as wards } from "@/lib/wards/contract";

// Values a service computes with decimals (lib/wards/queries.ts: occupancy to one decimal, bed-days to
// the hundredth) are documented as numbers, not integers: the seeded hospital happens to give round
// figures, a real one does not (a room of 3 beds with 1 occupied is 33.3%).
describe("response schemas take the decimals the services compute", () => {
  const occupancy = { total: 3, occupied: 1, free: 2, cleaning: 0, outOfService: 0, occupancyPct: 33.3 };

  it("rooms, wards and beds: occupancy to one decimal", () => {
    const room = {
      id: "r1",
      name: "A",
      type: "SHARED",
      capacity: 3,
      active: true,
      ward: { id: "w1", name: "West" },
      occupancy,
    };
    const page = { total: 1, page: 1, pageSize: 20 };
    expect(wards.getRooms.response.safeParse({ items: [room], ...page }).success).toBe(true);
    const ward = { id: "w1", name: "West", type: "GENERAL", active: true, department: null, occupancy };
    expect(wards.getWards.response.safeParse({ items: [ward], ...page }).error).toBeUndefined();
    expect(wards.getBeds.response.safeParse({ items: [], ...page, occupancy }).error).toBeUndefined();
  });

  it("the occupancy report: bed-days to the hundredth, percentages to one decimal", () => {
    const row = {
      wardId: "w1",
      ward: "West",
      beds: 3,
      occupiedBedDays: 10.25,
      availableBedDays: 93,
      occupancyPct: 11,
      admissions: 2,
      discharges: 1,
    };
    const answer = {
      from: "2026-01-01",
      to: "2026-01-31",
      days: 31,
      items: [row],
      total: { ...row, occupancyPct: 35.7 },
    };
    expect(reports.getReportsOccupancy.response.safeParse(answer).error).toBeUndefined();
  });
});
