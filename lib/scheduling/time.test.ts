import { describe, expect, it } from "vitest";
import {
  checkInOpens,
  checkInTiming,
  formatDay,
  formatTime,
  formatWhen,
  isoInZone,
  localDate,
  nextDates,
  slotGrid,
  toHHMM,
  toMinutes,
  weekdayOf,
} from "./time";

describe("scheduling time", () => {
  it("converts HH:MM and minutes both ways", () => {
    expect(toMinutes("09:30")).toBe(570);
    expect(toHHMM(570)).toBe("09:30");
    expect(toHHMM(0)).toBe("00:00");
  });

  it("numbers weekdays from Sunday = 0", () => {
    expect(weekdayOf("2027-03-07", "UTC")).toBe(0); // a Sunday
    expect(weekdayOf("2027-03-08", "Europe/Paris")).toBe(1);
  });

  it("cuts ranges into slots in the hospital's zone", () => {
    const slots = slotGrid("2027-03-01", [{ startMin: 540, endMin: 630 }], 30, "Europe/Paris");
    expect(slots.map((s) => isoInZone(s.startsAt, "Europe/Paris"))).toEqual([
      "2027-03-01T09:00:00+01:00",
      "2027-03-01T09:30:00+01:00",
      "2027-03-01T10:00:00+01:00",
    ]);
    expect(slots[0].startsAt.toISOString()).toBe("2027-03-01T08:00:00.000Z");
  });

  it("keeps wall-clock hours across a daylight-saving change and drops a partial last slot", () => {
    // 28 March 2027: Paris moves from +01:00 to +02:00 at 02:00.
    const before = slotGrid("2027-03-27", [{ startMin: 540, endMin: 560 }], 15, "Europe/Paris");
    const after = slotGrid("2027-03-28", [{ startMin: 540, endMin: 560 }], 15, "Europe/Paris");
    expect(before.map((s) => s.startsAt.toISOString())).toEqual(["2027-03-27T08:00:00.000Z"]);
    expect(after.map((s) => s.startsAt.toISOString())).toEqual(["2027-03-28T07:00:00.000Z"]);
  });

  it("finds the local date of an instant and lists the next days", () => {
    expect(localDate(new Date("2027-03-01T23:30:00Z"), "Europe/Paris")).toBe("2027-03-02");
    expect(nextDates("2027-02-27", 3, "UTC")).toEqual(["2027-02-27", "2027-02-28", "2027-03-01"]);
  });
});

describe("display formats", () => {
  it("shows the hospital's wall clock carried by the offset", () => {
    expect(formatWhen("2027-03-01T09:30:00+01:00", "en")).toBe("Mon 1 Mar, 09:30");
    expect(formatTime("2027-03-01T23:30:00-05:00")).toBe("23:30");
    expect(formatDay("2027-03-02", "en")).toBe("Tuesday 2 March");
  });
  it("names days and months in the reader's language", () => {
    expect(formatWhen("2027-03-01T09:30:00+01:00", "fr")).toBe("lun. 1 mars, 09:30");
    expect(formatDay("2027-03-02", "fr")).toBe("mardi 2 mars");
  });

  it("opens check-in on the visit's own local day, a window before it starts, and closes it at local midnight", () => {
    // 09:00 in New York (UTC-5 in winter), a 120-minute window: opens 07:00 local.
    const starts = new Date("2027-01-12T14:00:00Z");
    const zone = "America/New_York";
    expect(checkInOpens(starts, zone, 120).toISOString()).toBe("2027-01-12T12:00:00.000Z");
    expect(checkInTiming(starts, new Date("2027-01-11T14:00:00Z"), zone, 120)).toBe("early"); // the day before
    expect(checkInTiming(starts, new Date("2027-01-12T11:59:00Z"), zone, 120)).toBe("early");
    expect(checkInTiming(starts, new Date("2027-01-12T12:00:00Z"), zone, 120)).toBe("ok");
    expect(checkInTiming(starts, new Date("2027-01-13T04:59:00Z"), zone, 120)).toBe("ok"); // 23:59 local, same day
    expect(checkInTiming(starts, new Date("2027-01-13T05:00:00Z"), zone, 120)).toBe("late"); // local midnight passed
    // An early-morning visit: the window never reaches back into the day before.
    const early = new Date("2027-01-12T06:00:00Z"); // 01:00 local
    expect(checkInOpens(early, zone, 120).toISOString()).toBe("2027-01-12T05:00:00.000Z");
    expect(checkInTiming(early, new Date("2027-01-12T04:30:00Z"), zone, 120)).toBe("early");
  });
});
