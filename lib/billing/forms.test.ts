import { describe, expect, it } from "vitest";
import { lineForm, paymentForm, refundForm } from "./schemas";

// Amounts typed into the billing forms are read as the caller writes them (the hospital's currency is
// USD here: two minor digits). A French "45,555" was read as 45 555.00 and taken as a payment.

describe("billing forms' amounts in the caller's language", () => {
  it("French: the comma is the decimal mark, and a third decimal is refused", () => {
    expect(paymentForm("fr").safeParse({ invoiceId: "i", amount: "45,50", method: "CASH" }).data?.amount).toBe(4550);
    expect(paymentForm("fr").safeParse({ invoiceId: "i", amount: "1 234,5", method: "CASH" }).data?.amount).toBe(
      123450,
    );
    expect(paymentForm("fr").safeParse({ invoiceId: "i", amount: "45,555", method: "CASH" }).success).toBe(false);
    expect(refundForm("fr").safeParse({ paymentId: "p", amount: "45,555", reason: "Overcharged" }).success).toBe(false);
    expect(
      lineForm("fr").safeParse({ invoiceId: "i", description: "X-ray", quantity: 1, unitAmount: "45,555" }).success,
    ).toBe(false);
  });

  it("English: a comma groups thousands", () => {
    expect(paymentForm("en").safeParse({ invoiceId: "i", amount: "45,555", method: "CASH" }).data?.amount).toBe(
      4_555_500,
    );
    expect(paymentForm("en").safeParse({ invoiceId: "i", amount: "45.50", method: "CASH" }).data?.amount).toBe(4550);
  });
});
