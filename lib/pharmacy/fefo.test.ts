import { describe, expect, it } from "vitest";
import { allocateFefo, dayOf, isExpired, type Batch } from "./fefo";

const today = new Date("2026-11-22T00:00:00Z");
const b = (id: string, drugId: string, expiresOn: string, quantity: number, receivedAt?: string): Batch => ({
  id,
  drugId,
  expiresOn: new Date(`${expiresOn}T00:00:00Z`),
  quantity,
  receivedAt: receivedAt ? new Date(receivedAt) : undefined,
});

describe("allocateFefo", () => {
  it("takes from the batch that expires first, then the next", () => {
    const batches = [b("late", "amox", "2027-06-01", 50), b("soon", "amox", "2026-12-10", 8)];
    expect(allocateFefo([{ itemId: "i1", drugId: "amox", quantity: 20 }], batches, today)).toEqual({
      ok: true,
      takes: [
        { itemId: "i1", batchId: "soon", quantity: 8 },
        { itemId: "i1", batchId: "late", quantity: 12 },
      ],
    });
  });

  it("never uses an expired batch, but a batch expiring today still counts", () => {
    const batches = [b("old", "amox", "2026-11-21", 100), b("today", "amox", "2026-11-22", 5)];
    expect(allocateFefo([{ itemId: "i1", drugId: "amox", quantity: 5 }], batches, today)).toEqual({
      ok: true,
      takes: [{ itemId: "i1", batchId: "today", quantity: 5 }],
    });
    expect(allocateFefo([{ itemId: "i1", drugId: "amox", quantity: 6 }], batches, today)).toEqual({
      ok: false,
      shortDrugIds: ["amox"],
    });
  });

  it("shares batches between lines of the same drug and names every drug that falls short", () => {
    const batches = [b("a1", "amox", "2027-01-01", 10), b("p1", "para", "2027-01-01", 3)];
    const needs = [
      { itemId: "i1", drugId: "amox", quantity: 6 },
      { itemId: "i2", drugId: "amox", quantity: 6 },
      { itemId: "i3", drugId: "para", quantity: 4 },
    ];
    expect(allocateFefo(needs, batches, today)).toEqual({ ok: false, shortDrugIds: ["amox", "para"] });
    expect(
      allocateFefo(needs.slice(0, 1).concat({ itemId: "i2", drugId: "amox", quantity: 4 }), batches, today),
    ).toEqual({
      ok: true,
      takes: [
        { itemId: "i1", batchId: "a1", quantity: 6 },
        { itemId: "i2", batchId: "a1", quantity: 4 },
      ],
    });
  });

  it("breaks expiry ties by the older delivery, then by id, and skips empty batches", () => {
    const batches = [
      b("z", "x", "2027-01-01", 5, "2026-10-01T00:00:00Z"),
      b("y", "x", "2027-01-01", 5, "2026-09-01T00:00:00Z"),
      b("e", "x", "2026-12-01", 0),
    ];
    expect(allocateFefo([{ itemId: "i", drugId: "x", quantity: 7 }], batches, today)).toEqual({
      ok: true,
      takes: [
        { itemId: "i", batchId: "y", quantity: 5 },
        { itemId: "i", batchId: "z", quantity: 2 },
      ],
    });
  });
});

describe("dayOf / isExpired", () => {
  it("uses the hospital's calendar day", () => {
    expect(dayOf(new Date("2026-11-22T23:30:00Z"), "Africa/Nairobi").toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(dayOf(new Date("2026-11-22T23:30:00Z"), "UTC").toISOString()).toBe("2026-11-22T00:00:00.000Z");
    expect(isExpired({ expiresOn: new Date("2026-11-21T00:00:00Z") }, today)).toBe(true);
    expect(isExpired({ expiresOn: today }, today)).toBe(false);
  });
});
