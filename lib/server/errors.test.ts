import { describe, expect, it, vi } from "vitest";
import { AppError } from "./errors";
import { toAppError } from "./errors-map";
import { en } from "@/lib/i18n/en";
import { E } from "@/lib/i18n/error-keys";

describe("errors", () => {
  it("gives each code its HTTP status and the API's body shape", () => {
    const e = new AppError("VALIDATION_FAILED", E.errors.fixFields, { fields: { dateOfBirth: E.patients.errors.dateFormat } });
    expect(e.status).toBe(400);
    expect(e.toBody()).toEqual({ error: { code: "VALIDATION_FAILED", message: "Some fields need attention.", fields: { dateOfBirth: "Enter a valid date" } } });
    expect(new AppError("RECORD_LOCKED", E.clinical.errors.locked).status).toBe(423);
    expect(new AppError("SLOT_TAKEN", E.scheduling.errors.slotTaken).status).toBe(409);
  });

  it("never lets an unexpected error's message reach the user, and logs it with a correlation id", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const e = toAppError(new Error('relation "User" does not exist at character 15'));
    expect(e.code).toBe("INTERNAL");
    expect(e.status).toBe(500);
    expect(e.message).not.toContain("relation");
    expect(e.message).toContain(e.correlationId);
    const logged = JSON.parse(String(spy.mock.calls[0][0]));
    expect(logged.correlationId).toBe(e.correlationId);
    expect(logged.error.message).toContain("relation");
    spy.mockRestore();
  });

  it("maps a unique violation to DUPLICATE", () => {
    expect(toAppError({ code: "P2002" }).code).toBe("DUPLICATE");
  });
});

describe("foreign-key violations", () => {
  const adapterError = (code: string, message: string) => ({
    code,
    meta: { modelName: "Ward", driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: "23503", originalMessage: message, kind: "ForeignKeyConstraintViolation", constraint: { index: "Ward_departmentId_fkey" } } } },
  });

  it("maps a reference to a missing record (Prisma P2003, raw P2010) to VALIDATION_FAILED naming the field", () => {
    for (const code of ["P2003", "P2010"]) {
      const e = toAppError(adapterError(code, 'insert or update on table "Ward" violates foreign key constraint "Ward_departmentId_fkey"'));
      expect(e.status).toBe(400);
      expect(e.code).toBe("VALIDATION_FAILED");
      expect(e.fields).toEqual({ departmentId: en.errors.unknownReference });
    }
  });

  it("maps pg's own 23503 (node-postgres) the same way", () => {
    const e = toAppError({ code: "23503", constraint: "Admission_attendingDoctorId_fkey", message: 'insert or update on table "Admission" violates foreign key constraint' });
    expect(e.fields).toEqual({ attendingDoctorId: en.errors.unknownReference });
  });

  it("maps the deletion of a record still referred to to 409 IN_USE", () => {
    const e = toAppError(adapterError("P2003", 'update or delete on table "Department" violates foreign key constraint "Ward_departmentId_fkey" on table "Ward"'));
    expect(e.status).toBe(409);
    expect(e.code).toBe("IN_USE");
  });
});
