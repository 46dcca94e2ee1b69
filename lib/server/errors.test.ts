import { describe, expect, it, vi } from "vitest";
import { AppError, ERROR_STATUS, type ErrorCode } from "./errors";
import { catalog } from "@/lib/i18n";
import type { Msg } from "@/lib/i18n/message";
import { toAppError } from "./errors-map";
import { en } from "@/lib/i18n/en";
import { E } from "@/lib/i18n/error-keys";

describe("errors", () => {
  it("gives each code its HTTP status and the API's body shape", () => {
    const e = new AppError("VALIDATION_FAILED", E.errors.fixFields, {
      fields: { dateOfBirth: E.patients.errors.dateFormat },
    });
    expect(e.status).toBe(400);
    expect(e.toBody()).toEqual({
      error: {
        code: "VALIDATION_FAILED",
        message: "Some fields need attention.",
        fields: { dateOfBirth: "Enter a valid date" },
      },
    });
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
    meta: {
      modelName: "Ward",
      driverAdapterError: {
        name: "DriverAdapterError",
        cause: {
          originalCode: "23503",
          originalMessage: message,
          kind: "ForeignKeyConstraintViolation",
          constraint: { index: "Ward_departmentId_fkey" },
        },
      },
    },
  });

  it("maps a reference to a missing record (Prisma P2003, raw P2010) to VALIDATION_FAILED naming the field", () => {
    for (const code of ["P2003", "P2010"]) {
      const e = toAppError(
        adapterError(code, 'insert or update on table "Ward" violates foreign key constraint "Ward_departmentId_fkey"'),
      );
      expect(e.status).toBe(400);
      expect(e.code).toBe("VALIDATION_FAILED");
      expect(e.fields).toEqual({ departmentId: en.errors.unknownReference });
    }
  });

  it("maps pg's own 23503 (node-postgres) the same way", () => {
    const e = toAppError({
      code: "23503",
      constraint: "Admission_attendingDoctorId_fkey",
      message: 'insert or update on table "Admission" violates foreign key constraint',
    });
    expect(e.fields).toEqual({ attendingDoctorId: en.errors.unknownReference });
  });

  it("maps the deletion of a record still referred to to 409 IN_USE", () => {
    const e = toAppError(
      adapterError(
        "P2003",
        'update or delete on table "Department" violates foreign key constraint "Ward_departmentId_fkey" on table "Ward"',
      ),
    );
    expect(e.status).toBe(409);
    expect(e.code).toBe("IN_USE");
  });
});

describe("every error code in both languages", () => {
  // One message per code (the type asks for each code): a new code must say what it means in both.
  const sample: Record<ErrorCode, Msg> = {
    VALIDATION_FAILED: E.errors.fixFields,
    MALFORMED_JSON: E.errors.badJson,
    BAD_REQUEST_PATH: E.errors.badPath,
    UNAUTHENTICATED: E.errors.signIn,
    FORBIDDEN: E.errors.forbidden,
    EMAIL_UNCONFIRMED: E.accounts.errors.emailUnconfirmed,
    PASSWORD_CHANGE_REQUIRED: E.accounts.errors.passwordChangeRequired,
    CROSS_SITE_REQUEST: E.errors.crossSite,
    NOT_FOUND: E.errors.notFound(E.errors.records.ward),
    SLOT_TAKEN: E.scheduling.errors.slotTaken,
    BED_OCCUPIED: E.wards.errors.bedTaken,
    SAFETY_CHECK: E.prescriptions.errors.safety,
    INVALID_TRANSITION: E.scheduling.errors.invalidTransition("BOOKED", "COMPLETED"),
    TOO_EARLY: E.scheduling.errors.checkInTooEarly("2026-03-01 08:00"),
    TOO_LATE: E.scheduling.errors.checkInTooLate,
    OUT_OF_STOCK: E.pharmacy.phrases.outOfStock("Amoxicillin 500 mg capsule"),
    OVERRIDE_NOT_ACKNOWLEDGED: E.pharmacy.errors.overrideNotAcknowledged,
    DUPLICATE: E.errors.duplicate,
    MERGE_CONFLICT: E.merge.errors.conflicts(2),
    PENDING_LINK: E.duplicates.errors.pendingLink,
    IN_USE: E.errors.inUse,
    IDEMPOTENCY_KEY_IN_USE: E.errors.idempotencyInUse,
    PAYLOAD_TOO_LARGE: E.errors.tooLarge("1 MB"),
    UNSUPPORTED_MEDIA_TYPE: E.errors.jsonOnly,
    IDEMPOTENCY_KEY_REUSED: E.errors.idempotencyReused,
    RECORD_LOCKED: E.clinical.errors.locked,
    RATE_LIMITED: E.errors.signInThrottled(3),
    INTERNAL: E.errors.internal("ref-123"),
    SERVICE_UNAVAILABLE: E.errors.unavailable,
  };

  it("answers each code with its status and a message in English and in French", () => {
    for (const code of Object.keys(ERROR_STATUS) as ErrorCode[]) {
      const e = new AppError(code, sample[code], { fields: { field: E.errors.required } });
      const english = e.toBody("en").error;
      const french = e.toBody("fr").error;
      expect(e.status).toBe(ERROR_STATUS[code]);
      expect(english.code).toBe(code);
      expect(french.code).toBe(code);
      expect(english.message.length, code).toBeGreaterThan(0);
      expect(french.message.length, code).toBeGreaterThan(0);
      expect(french.message, code).not.toBe(english.message);
      expect(english.fields).toEqual({ field: "Required" });
      expect(french.fields).toEqual({ field: "Obligatoire" });
      expect(e.message).toBe(english.message);
    }
  });

  it("the mapped errors (a duplicate, a database unavailable, an unexpected failure) are keys too", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const duplicate = toAppError({ code: "P2002" });
    expect(duplicate.toBody("en").error.message).toBe("A record with these details already exists.");
    expect(duplicate.toBody("fr").error.message).toBe("Un enregistrement avec ces informations existe déjà.");
    const internal = toAppError(new Error("boom"));
    expect(internal.toBody("fr").error.message).toBe(
      `Une erreur s'est produite de notre côté. Référence : ${internal.correlationId}`,
    );
    const down = toAppError({ code: "P1001" });
    expect(down.toBody("fr").error.message).toBe(catalog("fr").errors.unavailable);
    vi.restoreAllMocks();
  });
});
