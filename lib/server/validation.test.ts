import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors";
import { parseInput } from "./validation";

describe("parseInput", () => {
  const schema = z.object({ name: z.string().min(1, "Enter a name"), address: z.object({ city: z.string("Enter a city") }) });

  it("returns the parsed value", () => {
    expect(parseInput(schema, { name: "A", address: { city: "Lomé" } })).toEqual({ name: "A", address: { city: "Lomé" } });
  });

  it("lists every failing field by its path", () => {
    try {
      parseInput(schema, { name: "", address: {} });
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).fields).toEqual({ name: "Enter a name", "address.city": "Enter a city" });
    }
  });

  it("says a missing field is required, not a type error", () => {
    try {
      parseInput(z.object({ dateOfBirth: z.string() }), {});
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).fields).toEqual({ dateOfBirth: "Required" });
    }
  });
});
