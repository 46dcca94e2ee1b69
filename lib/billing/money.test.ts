import { describe, expect, it } from "vitest";
import { formatMoney, minorDigits, parseMoney, toDecimal } from "./money";

describe("money", () => {
  it("knows each currency's minor digits", () => {
    expect(minorDigits("USD")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
    expect(minorDigits("KWD")).toBe(3);
  });

  it("formats minor units with the currency's digits", () => {
    expect(formatMoney(123456, "USD", "en")).toBe("$1,234.56");
    expect(formatMoney(-500, "USD", "en")).toBe("-$5.00");
    expect(formatMoney(1500, "JPY", "en")).toBe("¥1,500");
    expect(formatMoney(1234, "KWD", "en")).toMatch(/1\.234/);
  });

  it("formats money the French way for a French reader", () => {
    // Intl groups French thousands with a narrow no-break space and puts the symbol after.
    expect(formatMoney(123456, "USD", "fr").replace(/[\u00a0\u202f]/g, " ")).toBe("1 234,56 $");
    expect(formatMoney(-500, "EUR", "fr").replace(/[\u00a0\u202f]/g, " ")).toBe("-5,00 €");
  });

  it("reads a French decimal comma and spaced thousands", () => {
    expect(parseMoney("12,5", "USD")).toBe(1250);
    expect(parseMoney("1 234,56", "USD")).toBe(123456);
    expect(parseMoney("1\u202f234,56", "EUR")).toBe(123456);
    expect(parseMoney("1,234", "USD")).toBe(123400);
    expect(parseMoney("12,5", "JPY")).toBe(125);
  });

  it("parses decimal text to minor units and refuses the rest", () => {
    expect(parseMoney("12.5", "USD")).toBe(1250);
    expect(parseMoney("1,234.56", "USD")).toBe(123456);
    expect(parseMoney("7", "USD")).toBe(700);
    expect(parseMoney("1500", "JPY")).toBe(1500);
    expect(parseMoney("1.5", "JPY")).toBeNull();
    expect(parseMoney("1.234", "USD")).toBeNull();
    expect(parseMoney("-1", "USD")).toBeNull();
    expect(parseMoney("abc", "USD")).toBeNull();
  });

  it("writes minor units back as decimal text", () => {
    expect(toDecimal(1250, "USD")).toBe("12.50");
    expect(toDecimal(1500, "JPY")).toBe("1500");
    expect(toDecimal(1250, "USD", "fr")).toBe("12,50");
    expect(parseMoney(toDecimal(123456, "USD", "fr"), "USD")).toBe(123456);
  });

  it("reads what people type in the UI as minor units for the API: 45.00 → 4500, French 45,5 → 4550, never 3 decimals", () => {
    expect(parseMoney("45.00", "USD")).toBe(4500);
    expect(parseMoney("45,5", "EUR")).toBe(4550);
    expect(parseMoney("45,50", "USD")).toBe(4550);
    expect(parseMoney("45.555", "USD")).toBeNull();
    expect(parseMoney("45,555", "EUR")).toBe(45555_00); // without a locale, three digits after a comma group thousands
    expect(parseMoney("45,555", "EUR", "fr")).toBeNull(); // a French reader's comma is a decimal mark
    expect(parseMoney("45,5", "EUR", "fr")).toBe(4550);
    expect(parseMoney("1 234,56", "EUR", "fr")).toBe(123456);
    expect(parseMoney("45.00", "USD", "fr")).toBe(4500);
    expect(parseMoney("45.00", "USD", "en")).toBe(4500);
    expect(parseMoney("1.2.3", "USD")).toBeNull();
    expect(parseMoney("", "USD")).toBeNull();
  });
});
