import { describe, expect, it } from "vitest";
import { statementNames } from "./prepared";

describe("statementNames", () => {
  it("gives one statement text the same name every time and different texts different names", () => {
    const name = statementNames(10);
    const a = name({ sql: 'SELECT 1 FROM "User" WHERE id = $1' });
    const b = name({ sql: 'SELECT 1 FROM "Patient" WHERE id = $1' });
    expect(a).toBeTypeOf("string");
    expect(b).not.toBe(a);
    expect(name({ sql: 'SELECT 1 FROM "User" WHERE id = $1' })).toBe(a);
  });

  it("names only the first `max` distinct texts; later ones run unnamed", () => {
    const name = statementNames(2);
    const first = name({ sql: "SELECT 1" });
    const second = name({ sql: "SELECT 2" });
    expect(name({ sql: "SELECT 3" })).toBeUndefined();
    expect(name({ sql: "SELECT 1" })).toBe(first);
    expect(name({ sql: "SELECT 2" })).toBe(second);
  });
});
