import { describe, expect, it } from "vitest";
import { changedFields } from "./changes";

describe("changedFields", () => {
  it("lists only fields that really change, with both values", () => {
    const before = { name: "Ann", role: "NURSE", departmentId: "d1", specialty: null as string | null };
    expect(changedFields(before, { name: "Ann", role: "DOCTOR", specialty: "Cardiology" })).toEqual({
      role: { from: "NURSE", to: "DOCTOR" },
      specialty: { from: null, to: "Cardiology" },
    });
  });

  it("treats absent as unchanged and null as a clearing change", () => {
    const before = { departmentId: "d1" as string | null, name: "Ann" };
    expect(changedFields(before, { departmentId: null, name: undefined })).toEqual({
      departmentId: { from: "d1", to: null },
    });
    expect(changedFields({ departmentId: null as string | null }, { departmentId: null })).toEqual({});
  });
});
