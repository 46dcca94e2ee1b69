import { describe, expect, it } from "vitest";
import { midnightsIn, nightsIn, nightsPerWard } from "./nights";

const at = (s: string) => new Date(s);

describe("the midnight rule", () => {
  it("bills no night for a 32-minute stay that passes no midnight, one for a stay across midnight", () => {
    expect(nightsIn(at("2027-03-01T10:00:00Z"), at("2027-03-01T10:32:00Z"), "UTC")).toBe(0);
    expect(nightsIn(at("2027-03-01T23:50:00Z"), at("2027-03-02T00:22:00Z"), "UTC")).toBe(1);
    expect(nightsIn(at("2027-03-01T10:00:00Z"), at("2027-03-04T09:00:00Z"), "UTC")).toBe(3);
  });

  it("counts midnights in the hospital's zone, not UTC", () => {
    // 20:00 to 23:00 UTC is 21:00 → 00:00 in Lagos (UTC+1): the stay reaches Lagos midnight.
    expect(nightsIn(at("2027-03-01T20:00:00Z"), at("2027-03-01T23:00:00Z"), "Africa/Lagos")).toBe(1);
    expect(nightsIn(at("2027-03-01T20:00:00Z"), at("2027-03-01T23:00:00Z"), "UTC")).toBe(0);
    // 23:30 → 00:10 UTC is 18:30 → 19:10 in New York: no midnight there.
    expect(nightsIn(at("2027-03-01T23:30:00Z"), at("2027-03-02T00:10:00Z"), "America/New_York")).toBe(0);
    // A daylight-saving night (23 hours) is still one night.
    expect(
      midnightsIn(at("2027-03-13T12:00:00Z"), at("2027-03-15T12:00:00Z"), "America/New_York").map((d) =>
        d.toISOString(),
      ),
    ).toEqual(["2027-03-14T05:00:00.000Z", "2027-03-15T04:00:00.000Z"]);
  });

  it("counts a midnight in (from, to]: admitted at midnight, that midnight is not billed; discharged at midnight, it is", () => {
    expect(nightsIn(at("2027-03-01T00:00:00Z"), at("2027-03-01T23:59:00Z"), "UTC")).toBe(0);
    expect(nightsIn(at("2027-03-01T12:00:00Z"), at("2027-03-02T00:00:00Z"), "UTC")).toBe(1);
    expect(nightsIn(at("2027-03-02T00:00:00Z"), at("2027-03-01T12:00:00Z"), "UTC")).toBe(0);
  });

  it("gives each night to the ward the patient was in at that midnight, once, within the billed period", () => {
    const a = { id: "a" };
    const icu = { id: "icu" };
    const stays = [
      { startsAt: at("2027-03-01T10:00:00Z"), endsAt: at("2027-03-03T00:00:00Z"), ward: a }, // moved at midnight
      { startsAt: at("2027-03-03T00:00:00Z"), endsAt: null, ward: icu },
    ];
    expect(nightsPerWard(stays, at("2027-03-01T10:00:00Z"), at("2027-03-05T09:00:00Z"), "UTC")).toEqual([
      { ward: a, nights: 2 },
      { ward: icu, nights: 2 },
    ]);
    // An interim period up to 3 March 00:00, then the rest: 2 + 2 nights, none twice.
    expect(nightsPerWard(stays, at("2027-03-01T10:00:00Z"), at("2027-03-03T00:00:00Z"), "UTC")).toEqual([
      { ward: a, nights: 2 },
      { ward: icu, nights: 0 },
    ]);
    expect(nightsPerWard(stays, at("2027-03-03T00:00:00Z"), at("2027-03-05T09:00:00Z"), "UTC")).toEqual([
      { ward: a, nights: 0 },
      { ward: icu, nights: 2 },
    ]);
  });
});
