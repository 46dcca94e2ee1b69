import { describe, expect, it } from "vitest";
import { ZPayment, ZRefund, ZLine } from "@/lib/billing/schemas";
import { ZVitals, ZLabResult } from "@/lib/clinical/schemas";
import { ZDepartmentUpdate } from "@/lib/departments/schemas";
import { ZDrugCreate, ZDrugUpdate, ZReceiveBatch } from "@/lib/pharmacy/schemas";
import { ZPrescriptionItem } from "@/lib/prescriptions/schemas";
import { ZReportSpec } from "@/lib/reportbuilder/spec";
import { specFromQuery } from "@/lib/reportbuilder/query";
import { ZAvailability } from "@/lib/scheduling/schemas";
import { ZStaffCreate } from "@/lib/staff/schemas";
import { ZTokenCreate } from "@/lib/tokens/schemas";
import { ZRoom } from "@/lib/wards/schemas";
import { parseListQuery } from "./api";
import { AppError } from "./errors";
import { formNumber, parseInput } from "./validation";

// Issue 15 §1: numbers are numbers, required means required. The JSON schemas never coerce: `true`,
// `[1]`, `"1"` or `null` are not the number 1 (or 0, or Sunday). Forms convert on the form side.
const refused = (run: () => unknown, field: string) => {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect(Object.keys((err as AppError).fields ?? {})).toContain(field);
    return;
  }
  expect.unreachable(`${field} was accepted`);
};

describe("strict types in JSON bodies", () => {
  it('a payment\'s amount is an integer: true, [1], "1" and null are refused (true was a payment of one cent)', () => {
    const base = { invoiceId: "inv", method: "CASH" };
    for (const amount of [true, [1], "1", null, {}, 1.5])
      refused(() => parseInput(ZPayment, { ...base, amount }), "amount");
    expect(parseInput(ZPayment, { ...base, amount: 1 }).amount).toBe(1);
    refused(() => parseInput(ZRefund, { amount: [100], reason: "returned" }), "amount");
    refused(() => parseInput(ZLine, { description: "x", quantity: true, unitAmount: 100 }), "quantity");
  });

  it("a null weekday is refused, not Sunday; slot minutes are a number", () => {
    refused(
      () => parseInput(ZAvailability, { slotMinutes: 30, weekly: [{ weekday: null, start: "09:00", end: "12:00" }] }),
      "weekly.0.weekday",
    );
    refused(() => parseInput(ZAvailability, { slotMinutes: "30", weekly: [] }), "slotMinutes");
    refused(
      () => parseInput(ZAvailability, { slotMinutes: 30, weekly: [{ weekday: false, start: "09:00", end: "12:00" }] }),
      "weekly.0.weekday",
    );
    expect(
      parseInput(ZAvailability, { slotMinutes: 30, weekly: [{ weekday: 0, start: "09:00", end: "12:00" }] }).weekly[0]
        .weekday,
    ).toBe(0);
  });

  it("a null reorder level is refused, not 0", () => {
    const drug = { genericName: "paracetamol", form: "tablet", strength: "500 mg", drugClass: "analgesic" };
    refused(() => parseInput(ZDrugCreate, { ...drug, reorderLevel: null }), "reorderLevel");
    refused(() => parseInput(ZDrugUpdate, { reorderLevel: null }), "reorderLevel");
    refused(() => parseInput(ZDrugUpdate, { reorderLevel: "" }), "reorderLevel");
    refused(() => parseInput(ZReceiveBatch, { lot: "L", expiresOn: "2030-01-01", quantity: [5] }), "quantity");
  });

  it("every other number and boolean is taken as such only", () => {
    refused(
      () =>
        parseInput(ZPrescriptionItem, { drugId: "d", dose: "1", route: "oral", frequency: "tds", durationDays: "7" }),
      "durationDays",
    );
    refused(
      () =>
        parseInput(ZPrescriptionItem, {
          drugId: "d",
          dose: "1",
          route: "oral",
          frequency: "tds",
          durationDays: 7,
          quantity: true,
        }),
      "quantity",
    );
    refused(() => parseInput(ZVitals, { pulse: "72" }), "pulse");
    refused(() => parseInput(ZVitals, { pulse: true }), "pulse");
    refused(() => parseInput(ZLabResult, { value: [5] }), "value");
    refused(() => parseInput(ZRoom, { wardId: "w", name: "R", type: "SHARED", capacity: "4" }), "capacity");
    refused(
      () => parseInput(ZStaffCreate, { name: "A B", email: "a@b.org", role: "NURSE", yearsOfExperience: "3" }),
      "yearsOfExperience",
    );
    refused(() => parseInput(ZTokenCreate, { name: "t", scopes: ["full"], expiresInDays: "30" }), "expiresInDays");
    refused(() => parseInput(ZDepartmentUpdate, { active: "false" }), "active");
    refused(() => parseInput(ZReportSpec, { entity: "admissions", page: "2" }), "page");
  });
});

describe("numbers from text, on the text side", () => {
  it("forms: formNumber gives the number typed, nothing for blank, NaN (refused by the schema) for anything else", () => {
    expect(formNumber(" 12 ")).toBe(12);
    expect(formNumber("37.5")).toBe(37.5);
    expect(formNumber("-3")).toBe(-3);
    expect(formNumber("")).toBeUndefined();
    for (const t of ["1e1", "0x10", "12abc", "true", "1,5"]) expect(formNumber(t), t).toBeNaN();
  });

  it("query strings: digits only, for list paging and the report builder's query", () => {
    expect(parseListQuery(new URLSearchParams("page=2&pageSize=50"), ["name"]).skip).toBe(50);
    for (const q of ["page=1e1", "page=true", "pageSize=1.5", "page=0x2", "page="])
      refused(() => parseListQuery(new URLSearchParams(q), ["name"]), q.split("=")[0]);
    expect(parseInput(ZReportSpec, specFromQuery(new URLSearchParams("entity=admissions&page=3"))).page).toBe(3);
    refused(() => parseInput(ZReportSpec, specFromQuery(new URLSearchParams("entity=admissions&page=1e1"))), "page");
  });
});
