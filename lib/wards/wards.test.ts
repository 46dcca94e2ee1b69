import { describe, expect, it } from "vitest";
import { inpatientEmail } from "@/lib/notifications/emails/inpatient";
import { parseInput } from "@/lib/server/validation";
import { occupancyOf } from "./queries";
import { ZAdmit, ZBedPatch, ZOccupancyRange } from "./schemas";

describe("occupancyOf", () => {
  it("counts beds by state and the occupied share of the beds in service", () => {
    expect(occupancyOf(["OCCUPIED", "FREE", "CLEANING", "OUT_OF_SERVICE"])).toEqual({
      total: 4,
      occupied: 1,
      free: 1,
      cleaning: 1,
      outOfService: 1,
      occupancyPct: 33.3,
    });
    expect(occupancyOf([])).toMatchObject({ total: 0, occupancyPct: 0 });
    expect(occupancyOf(["OUT_OF_SERVICE"])).toMatchObject({ occupancyPct: 0 });
  });
});

describe("schemas", () => {
  it("takes a planned stay as a number (null or absent means none), refuses text and out-of-range days", () => {
    const base = { patientId: "p", bedId: "b", attendingDoctorId: "d", reason: "Fall" };
    expect(parseInput(ZAdmit, base)).toMatchObject({ plannedStayDays: null, departmentId: null, triageId: null });
    expect(parseInput(ZAdmit, { ...base, plannedStayDays: null })).toMatchObject({ plannedStayDays: null });
    expect(parseInput(ZAdmit, { ...base, plannedStayDays: 4, departmentId: "" })).toMatchObject({
      plannedStayDays: 4,
      departmentId: null,
    });
    // The form converts what was typed (formNumber); the schema never coerces text, booleans or arrays.
    for (const bad of ["4", "", true, [4], 400]) {
      expect(() => parseInput(ZAdmit, { ...base, plannedStayDays: bad }), JSON.stringify(bad)).toThrow(
        expect.objectContaining({ fields: { plannedStayDays: "Enter a number of days between 1 and 365" } }),
      );
    }
  });

  it("lets a bed be set by hand only to FREE or OUT_OF_SERVICE, and checks report dates", () => {
    expect(() => parseInput(ZBedPatch, { state: "OCCUPIED" })).toThrow(
      expect.objectContaining({ fields: { state: "Choose FREE or OUT_OF_SERVICE" } }),
    );
    expect(() => parseInput(ZOccupancyRange, { from: "2026-02-30", to: "2026-03-01" })).toThrow(
      expect.objectContaining({ fields: { from: "Enter a valid date" } }),
    );
  });
});

describe("inpatient email", () => {
  it("tells the doctor name, MRN, bed and reason, branded and escaped, in HTML and text", () => {
    const mail = inpatientEmail(
      {
        kind: "assigned",
        doctorName: "Dr Who",
        patientName: "Ann <b>Lee</b>",
        mrn: "H-000042",
        place: "ICU · Bay 1 · 1",
        reason: "Sepsis",
        url: "https://h.example/admissions/a1",
      },
      { hospitalName: "St Mary" },
    );
    expect(mail.subject).toBe("A patient has been admitted under your care — St Mary");
    expect(mail.text).toContain("Ann <b>Lee</b> (MRN H-000042) has been admitted under your care.");
    expect(mail.text).toContain("Bed: ICU · Bay 1 · 1.");
    expect(mail.html).toContain("Ann &lt;b&gt;Lee&lt;/b&gt;");
    expect(mail.html).toContain("St Mary");
    expect(
      inpatientEmail(
        { kind: "discharged", doctorName: "Dr Who", patientName: "Ann", mrn: "H-1", place: "X", reason: "Y", url: "u" },
        { hospitalName: "H" },
      ).subject,
    ).toBe("Your patient has been discharged — H");
  });
});
