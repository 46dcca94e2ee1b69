import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, can, type Permission } from "./permissions";

describe("permission table", () => {
  it("describes every permission and names only known roles", () => {
    for (const [name, p] of Object.entries(PERMISSIONS)) {
      expect(p.description.length, name).toBeGreaterThan(5);
      for (const r of p.roles) expect(ROLES).toContain(r);
    }
  });

  it("keeps administration to admins and prescribing to doctors", () => {
    const adminOnly: Permission[] = ["staff.manage", "department.manage", "outbox.read", "audit.read", "stats.read"];
    for (const perm of adminOnly) expect(ROLES.filter((r) => can(r, perm))).toEqual(["ADMIN"]);
    expect(ROLES.filter((r) => can(r, "prescription.write"))).toEqual(["DOCTOR"]);
    expect(ROLES.filter((r) => can(r, "doctor.search"))).toEqual(ROLES);
    expect(ROLES.filter((r) => can(r, "pharmacy.dispense"))).toEqual(["PHARMACIST"]);
  });

  it("never lets a patient list other patients or read a chart", () => {
    expect(can("PATIENT", "patient.list")).toBe(false);
    expect(can("PATIENT", "patient.chart.read")).toBe(false);
    expect(can("PHARMACIST", "patient.chart.read")).toBe(false);
    expect(can("RECORDS_OFFICER", "patient.chart.read")).toBe(false);
  });
});
