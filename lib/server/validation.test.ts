import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors";
import { en } from "@/lib/i18n/en";
import { assertSafeRequestText, isUnsafeText, parseInput, unsafeTextPath, ZQueryInt } from "./validation";

describe("parseInput", () => {
  const schema = z.object({
    name: z.string().min(1, "Enter a name"),
    address: z.object({ city: z.string("Enter a city") }),
  });

  it("returns the parsed value", () => {
    expect(parseInput(schema, { name: "A", address: { city: "Lomé" } })).toEqual({
      name: "A",
      address: { city: "Lomé" },
    });
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

describe("one rule for all text: no NUL, no lone surrogate", () => {
  const schema = z.object({
    name: z.string(),
    items: z.array(z.object({ dose: z.string() })),
    tags: z.record(z.string(), z.string()).optional(),
  });
  const fieldsOf = (run: () => unknown) => {
    try {
      run();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("VALIDATION_FAILED");
      return (err as AppError).fields;
    }
    return expect.unreachable();
  };

  it("tells NUL and lone surrogates from safe text, paired surrogates (emoji) included", () => {
    expect(isUnsafeText("a\u0000b")).toBe(true);
    expect(isUnsafeText("\ud800")).toBe(true);
    expect(isUnsafeText("x\udc00")).toBe(true);
    expect(isUnsafeText("\udc00\ud800")).toBe(true);
    expect(isUnsafeText("Kofi 🙂 Ébène ✓ \t\n")).toBe(false);
    expect(isUnsafeText("")).toBe(false);
  });

  it("refuses it in parseInput with the field named, at any depth, before the schema runs", () => {
    expect(fieldsOf(() => parseInput(schema, { name: "a\u0000", items: [] }))).toEqual({ name: en.errors.unsafeText });
    expect(fieldsOf(() => parseInput(schema, { name: "a", items: [{ dose: "ok" }, { dose: "\ud800" }] }))).toEqual({
      "items.1.dose": en.errors.unsafeText,
    });
    expect(fieldsOf(() => parseInput(z.string(), "\u0000"))).toEqual({ _: en.errors.unsafeText });
  });

  it("refuses it in object keys (a record's keys are stored too), the key shown without the bad character", () => {
    expect(fieldsOf(() => parseInput(schema, { name: "a", items: [], tags: { "k\u0000": "v" } }))).toEqual({
      "tags.k\ufffd": en.errors.unsafeText,
    });
  });

  it("walks deep input without recursion", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(unsafeTextPath(deep)).toMatch(/^0(\.0)+$/);
  });

  it("checks every query parameter (names and values) and the path params at the route doors", () => {
    expect(fieldsOf(() => assertSafeRequestText(new URL("http://h/api/v1/patients?q=%00")))).toEqual({
      q: en.errors.unsafeText,
    });
    expect(fieldsOf(() => assertSafeRequestText(new URL("http://h/api/v1/patients?unread=1&x%00=1")))).toEqual({
      "x\ufffd": en.errors.unsafeText,
    });
    expect(fieldsOf(() => assertSafeRequestText(new URL("http://h/api/v1/patients/x"), { id: "a\u0000" }))).toEqual({
      id: en.errors.unsafeText,
    });
    expect(() =>
      assertSafeRequestText(new URL("http://h/api/v1/patients?q=Ab%C3%A9%F0%9F%99%82"), { id: "abc" }),
    ).not.toThrow();
  });

  it("parses query numbers from digits only", () => {
    const page = (v: string) => ZQueryInt.safeParse(v);
    expect(page("12").data).toBe(12);
    for (const bad of ["1e1", "true", "0x10", " 2", "2.0", "-1", "", "1".repeat(16)])
      expect(page(bad).success, bad).toBe(false);
  });
});
