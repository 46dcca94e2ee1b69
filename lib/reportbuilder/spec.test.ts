import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";
import { compile } from "./compile";
import { ENTITIES, ENTITY_NAMES, OPERATORS_BY_TYPE } from "./entities";
import { specFromQuery, specToQuery } from "./query";
import { type ReportSpecInput, ZReportSpec } from "./spec";

const fieldsOf = (input: unknown): Record<string, string> => {
  try {
    parseInput(ZReportSpec, input);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("VALIDATION_FAILED");
    return (e as AppError).fields ?? {};
  }
  throw new Error("expected VALIDATION_FAILED");
};
const spec = (input: ReportSpecInput) => parseInput(ZReportSpec, input);

describe("report spec validation", () => {
  it("accepts admissions per ward per month, with count by default", () => {
    const s = spec({
      entity: "admissions",
      groupBy: [{ field: "ward" }, { field: "admittedAt", granularity: "month" }],
    });
    expect(s).toMatchObject({ page: 1, pageSize: 25, columns: [], filters: [] });
    expect(compile(s, "UTC").columns.map((c) => c.key)).toEqual(["ward", "admittedAt_month", "count"]);
  });

  it("rejects an unknown entity, column, group and aggregate field with their paths", () => {
    expect(fieldsOf({ entity: "users" })).toEqual({ entity: "Choose one of the report entities" });
    expect(fieldsOf({ entity: "patients", columns: ["sex", "lastName"] })).toEqual({
      "columns.1": "Not a field of this entity",
    });
    expect(fieldsOf({ entity: "admissions", groupBy: [{ field: "reason" }] })).toEqual({
      "groupBy.0.field": "Not a field of this entity",
    });
    expect(fieldsOf({ entity: "payments", aggregates: [{ fn: "sum", field: "amount; DROP TABLE x" }] })).toEqual({
      "aggregates.0.field": "Not a field of this entity",
    });
    // A field of another entity is not a field of this one; nor are object prototype keys.
    expect(fieldsOf({ entity: "payments", columns: ["ward", "constructor"] })).toEqual({
      "columns.0": "Not a field of this entity",
      "columns.1": "Not a field of this entity",
    });
  });

  it("allows only the operators of the field's type", () => {
    expect(
      fieldsOf({ entity: "admissions", filters: [{ field: "admittedAt", op: "contains", value: "2026" }] }),
    ).toEqual({ "filters.0.op": "Use one of: equals, before, after, between" });
    expect(fieldsOf({ entity: "admissions", filters: [{ field: "ward", op: "before", value: "A" }] })).toEqual({
      "filters.0.op": "Use one of: equals, in, contains",
    });
    expect(fieldsOf({ entity: "admissions", filters: [{ field: "status", op: "contains", value: "li" }] })).toEqual({
      "filters.0.op": "Use one of: equals, in",
    });
    expect(fieldsOf({ entity: "admissions", filters: [{ field: "ward", op: "like", value: "A" }] })).toEqual({
      "filters.0.op": "Unknown operator",
    });
    for (const op of OPERATORS_BY_TYPE.text)
      spec({ entity: "admissions", filters: [{ field: "ward", op, value: op === "in" ? ["A", "B"] : "A" }] });
  });

  it("checks values against the type: dates, numbers, enum values, two values for between", () => {
    expect(
      fieldsOf({ entity: "admissions", filters: [{ field: "admittedAt", op: "after", value: "01/02/2026" }] }),
    ).toEqual({ "filters.0.value": "Enter a valid date" });
    expect(
      fieldsOf({ entity: "admissions", filters: [{ field: "admittedAt", op: "between", value: ["2026-01-01"] }] }),
    ).toEqual({ "filters.0.value": "Give two values: from and to" });
    expect(
      fieldsOf({ entity: "admissions", filters: [{ field: "plannedStayDays", op: "gte", value: "three" }] }),
    ).toEqual({ "filters.0.value": "Enter a number" });
    expect(
      fieldsOf({ entity: "admissions", filters: [{ field: "status", op: "in", value: ["live", "gone"] }] }),
    ).toEqual({ "filters.0.value.1": "Choose one of: live, discharged" });
    expect(fieldsOf({ entity: "admissions", filters: [{ field: "ward", op: "equals", value: "" }] })).toEqual({
      "filters.0.value": "Enter a value",
    });
  });

  it("groups dates by a granularity, other fields without one; sums only numbers", () => {
    expect(fieldsOf({ entity: "admissions", groupBy: [{ field: "admittedAt" }] })).toEqual({
      "groupBy.0.granularity": "Choose day, week, month or year",
    });
    expect(fieldsOf({ entity: "admissions", groupBy: [{ field: "ward", granularity: "month" }] })).toEqual({
      "groupBy.0.granularity": "Only dates are grouped by day, week, month or year",
    });
    expect(fieldsOf({ entity: "admissions", groupBy: [{ field: "plannedStayDays" }] })).toEqual({
      "groupBy.0.field": "This field cannot be grouped",
    });
    expect(fieldsOf({ entity: "admissions", aggregates: [{ fn: "avg", field: "ward" }] })).toEqual({
      "aggregates.0.field": "Sums and averages need a number or an amount",
    });
    expect(fieldsOf({ entity: "admissions", aggregates: [{ fn: "max", field: "stayDays" }] })).toEqual({
      "aggregates.0.fn": "Use count, sum or avg",
    });
  });

  it("caps the page size at 100", () => {
    expect(fieldsOf({ entity: "admissions", pageSize: 101 })).toEqual({ pageSize: "At most 100" });
  });

  it("round-trips through the URL query", () => {
    const input: ReportSpecInput = {
      entity: "admissions",
      columns: [],
      filters: [
        { field: "admittedAt", op: "between", value: ["2026-01-01", "2026-03-31"] },
        { field: "ward", op: "contains", value: "a:b" },
      ],
      groupBy: [{ field: "ward" }, { field: "admittedAt", granularity: "month" }],
      aggregates: [{ fn: "count" }, { fn: "sum", field: "plannedStayDays" }],
      page: 2,
    };
    const q = specToQuery(input);
    expect(q.toString()).toContain("group=admittedAt%3Amonth");
    expect(spec(specFromQuery(new URLSearchParams(q.toString())))).toEqual(spec(input));
  });
});

describe("SQL compilation", () => {
  const hostile = 'x\'); DELETE FROM "Patient"; --';

  it("puts every value the client sent into bind parameters, never into the SQL text", () => {
    const s = spec({
      entity: "admissions",
      filters: [
        { field: "ward", op: "contains", value: hostile },
        { field: "ward", op: "in", value: [hostile, "B"] },
        { field: "admittedAt", op: "between", value: ["2026-01-01", "2026-02-28"] },
      ],
      groupBy: [{ field: "ward" }, { field: "admittedAt", granularity: "month" }],
      aggregates: [{ fn: "count" }, { fn: "avg", field: "plannedStayDays" }],
    });
    const c = compile(s, "Europe/Paris");
    for (const q of [c.count, c.page(25, 50)]) {
      expect(q.sql).not.toContain("DELETE");
      expect(q.sql).not.toContain("Europe/Paris");
      expect(q.values).toContain("Europe/Paris");
    }
    const page = c.page(25, 50);
    expect(page.values).toContain(`%${hostile}%`);
    expect(page.values).toContain(hostile);
    expect(page.values).toEqual(expect.arrayContaining([25, 50]));
    expect(page.text).toMatch(/GROUP BY 1,2 ORDER BY 1 NULLS LAST,2 NULLS LAST LIMIT \$\d+ OFFSET \$\d+$/);
  });

  it("escapes LIKE wildcards in contains", () => {
    const c = compile(
      spec({ entity: "labResults", filters: [{ field: "test", op: "contains", value: "50%_a" }] }),
      "UTC",
    );
    expect(c.page(1, 0).values).toContain("%50\\%\\_a%");
  });

  it("lists the default columns in a deterministic order when not grouped", () => {
    const c = compile(spec({ entity: "payments" }), "UTC");
    expect(c.grouped).toBe(false);
    expect(c.columns.map((x) => x.key)).toEqual([...ENTITIES.payments.defaultColumns]);
    expect(c.page(10, 0).sql).toContain(`ORDER BY t."receivedAt" DESC, t.id`);
  });

  it("every entity compiles with every field as a column", () => {
    for (const entity of ENTITY_NAMES) {
      const columns = Object.keys(ENTITIES[entity].fields);
      expect(compile(spec({ entity, columns }), "UTC").columns).toHaveLength(columns.length);
    }
  });
});
