import { describe, expect, it } from "vitest";
import { formatCalendarDay } from "./dates";

describe("calendar days", () => {
  it("are written the reader's way, whatever the time zone", () => {
    expect(formatCalendarDay("2027-03-31", "en")).toBe("31 Mar 2027");
    expect(formatCalendarDay("2027-03-31", "fr")).toBe("31 mars 2027");
    expect(formatCalendarDay("1968-09-30T00:00:00.000Z", "fr")).toBe("30 sept. 1968");
  });
});
