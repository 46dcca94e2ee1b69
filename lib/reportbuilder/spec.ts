import { z } from "zod";
import {
  AGGREGATES,
  ENTITY_NAMES,
  GRANULARITIES,
  OPERATORS,
  OPERATORS_BY_TYPE,
  type Field,
  fieldOf,
  isGroupable,
  isNumeric,
} from "./entities";
import { E } from "@/lib/i18n/error-keys";

// A report spec: what the admin chose, checked against the allow-list (lib/reportbuilder/entities.ts).
// Unknown entity, field or operator → VALIDATION_FAILED with the offending path; the spec never carries SQL.

const m = () => E.reportbuilder.errors;

export const MAX_PAGE_SIZE = 100;
export const CSV_MAX_ROWS = 50_000;

const ZValue = z.union([z.string().trim().max(200), z.array(z.string().trim().max(200)).max(50)]);
const ZFilter = z.object({ field: z.string(), op: z.enum(OPERATORS, { error: () => m().operator }), value: ZValue });
const ZGroup = z.object({
  field: z.string(),
  granularity: z.enum(GRANULARITIES, { error: () => m().granularity }).optional(),
});
const ZAggregate = z.object({ fn: z.enum(AGGREGATES, { error: () => m().aggregate }), field: z.string().optional() });

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** A filter value must suit its field's type and the operator: one value, a list (in) or two (between). */
function checkValue(
  f: Field,
  op: string,
  value: string | string[],
  issue: (path: (string | number)[], message: string) => void,
) {
  const list = Array.isArray(value) ? value : [value];
  if (
    op === "in"
      ? list.length === 0
      : op === "between"
        ? list.length !== 2
        : !(typeof value === "string" && value !== "")
  ) {
    issue(["value"], op === "between" ? m().between : m().value);
    return;
  }
  list.forEach((v, i) => {
    const at = Array.isArray(value) ? ["value", i] : ["value"];
    if (f.type === "date" && !(DAY.test(v) && !Number.isNaN(Date.parse(v)))) issue(at, m().date);
    else if (isNumeric(f) && !NUMBER.test(v)) issue(at, m().number);
    else if (f.type === "enum" && !f.values?.includes(v)) issue(at, m().enumValue((f.values ?? []).join(", ")));
  });
}

export const ZReportSpec = z
  .object({
    entity: z.enum(ENTITY_NAMES, { error: () => m().entity }),
    columns: z.array(z.string()).max(20).default([]),
    filters: z.array(ZFilter).max(10).default([]),
    groupBy: z.array(ZGroup).max(3).default([]),
    aggregates: z.array(ZAggregate).max(5).default([]),
    page: z.number().int(E.errors.wholeNumber).min(1, E.errors.firstPage).default(1),
    pageSize: z
      .number()
      .int(E.errors.wholeNumber)
      .min(1, E.errors.atLeast(1))
      .max(MAX_PAGE_SIZE, E.errors.atMost(MAX_PAGE_SIZE))
      .default(25),
  })
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const field = (key: string | undefined, path: (string | number)[]) => {
      const f = key === undefined ? undefined : fieldOf(s.entity, key);
      if (!f) issue(path, m().field);
      return f;
    };
    s.columns.forEach((c, i) => field(c, ["columns", i]));
    s.filters.forEach((flt, i) => {
      const f = field(flt.field, ["filters", i, "field"]);
      if (!f) return;
      if (!OPERATORS_BY_TYPE[f.type].includes(flt.op))
        issue(["filters", i, "op"], m().operatorFor(OPERATORS_BY_TYPE[f.type].join(", ")));
      else checkValue(f, flt.op, flt.value, (p, msg) => issue(["filters", i, ...p], msg));
    });
    s.groupBy.forEach((g, i) => {
      const f = field(g.field, ["groupBy", i, "field"]);
      if (!f) return;
      if (!isGroupable(f)) issue(["groupBy", i, "field"], m().notGroupable);
      else if (f.type === "date" && !g.granularity) issue(["groupBy", i, "granularity"], m().granularity);
      else if (f.type !== "date" && g.granularity) issue(["groupBy", i, "granularity"], m().granularityNotDate);
    });
    const keys = s.groupBy.map((g) => `${g.field}:${g.granularity ?? ""}`);
    if (new Set(keys).size !== keys.length) issue(["groupBy"], m().duplicateGroup);
    s.aggregates.forEach((a, i) => {
      if (a.fn === "count") return;
      const f = field(a.field, ["aggregates", i, "field"]);
      if (f && !isNumeric(f)) issue(["aggregates", i, "field"], m().numeric);
    });
  });

export type ReportSpec = z.infer<typeof ZReportSpec>;
export type ReportSpecInput = z.input<typeof ZReportSpec>;
