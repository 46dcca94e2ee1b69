import { describe, expect, it, vi } from "vitest";
import { AppError } from "./errors";
import { toAppError } from "./errors-map";

describe("errors", () => {
  it("gives each code its HTTP status and the API's body shape", () => {
    const e = new AppError("VALIDATION_FAILED", "Some fields need attention.", { fields: { dateOfBirth: "Use YYYY-MM-DD" } });
    expect(e.status).toBe(400);
    expect(e.toBody()).toEqual({ error: { code: "VALIDATION_FAILED", message: "Some fields need attention.", fields: { dateOfBirth: "Use YYYY-MM-DD" } } });
    expect(new AppError("RECORD_LOCKED", "x").status).toBe(423);
    expect(new AppError("SLOT_TAKEN", "x").status).toBe(409);
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
