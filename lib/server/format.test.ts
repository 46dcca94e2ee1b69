import { describe, expect, it } from "vitest";
import { formatDate, formatInstant } from "./format";

describe("display formats in the reader's language", () => {
  it("writes a birth date as each language does, whatever the time zone", () => {
    expect(formatDate("1978-06-03", "en")).toBe("3 Jun 1978");
    expect(formatDate("1978-06-03", "fr")).toBe("3 juin 1978");
  });
  it("writes an instant with French month names for a French reader", () => {
    expect(formatInstant("2027-03-01T09:30:00Z", "fr")).toMatch(/^1 mars 2027/);
    expect(formatInstant(null, "fr")).toBe("—");
  });
});
