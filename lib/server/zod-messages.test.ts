import { describe, expect, it } from "vitest";
import { z } from "zod";
import { catalog } from "@/lib/i18n";
import { en } from "@/lib/i18n/en";
import { E } from "@/lib/i18n/error-keys";
import { type AppError, notFound } from "./errors";
import { parseInput } from "./validation";

// zod's own messages never reach a user: each default becomes a catalogue key, which the edge
// renders in the caller's language.
const fr = catalog("fr").errors;
const failed = (schema: z.ZodType, input: unknown): AppError => {
  try {
    parseInput(schema, input);
  } catch (err) {
    return err as AppError;
  }
  throw new Error("parsed");
};

describe("validation messages", () => {
  const schema = z.object({
    name: z.string().max(5),
    age: z.number().int().min(0),
    email: z.email(),
    kind: z.enum(["a", "b"]),
    tags: z.array(z.string()).min(1),
    note: z.string(),
  });

  it("read as catalogue sentences in English", () => {
    const e = failed(schema, { name: "abcdefgh", age: 1.5, email: "x", kind: "c", tags: [] });
    expect(e.message).toBe(en.errors.fixFields);
    expect(e.fields).toEqual({
      name: en.errors.maxLength(5),
      age: en.errors.wholeNumber,
      email: en.errors.email,
      kind: en.errors.choose,
      tags: en.errors.minItems(1),
      note: en.errors.required,
    });
  });

  it("become French for a French caller", () => {
    const e = failed(schema, { name: "abcdefgh", age: -1, email: "x", kind: "c", tags: [], note: 3 });
    const { message, fields } = e.toBody("fr").error;
    expect({ message, fields }).toEqual({
      message: fr.fixFields,
      fields: {
        name: fr.maxLength(5),
        age: fr.min(0),
        email: fr.email,
        kind: fr.choose,
        tags: fr.minItems(1),
        note: fr.invalid,
      },
    });
  });

  it("a schema's own message still wins", () => {
    expect(failed(z.object({ a: z.string().min(1, E.password.enterNew) }), { a: "" }).fields).toEqual({
      a: en.password.enterNew,
    });
  });

  it("not found names the record in the caller's language", () => {
    expect(notFound("lab order").toBody("fr").error.message).toBe(fr.notFound(fr.records["lab order"]));
    expect(notFound("lab order").message).toBe("That lab order was not found.");
  });
});
