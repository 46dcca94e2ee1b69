import type * as R4 from "fhir/r4";
import type { AppError, ErrorCode } from "@/lib/server/errors";

// Bundles, paging links and OperationOutcome: the envelope of every FHIR answer.

export const FHIR_JSON = "application/fhir+json; charset=utf-8";

export type Paging = { count: number; offset: number };

const ignoredParams = (warnings: { param: string; text: string }[]): R4.OperationOutcome => ({
  resourceType: "OperationOutcome",
  issue: warnings.map((w) => ({
    severity: "warning",
    code: "not-supported",
    diagnostics: w.text,
    expression: [w.param],
  })),
});

/**
 * A searchset Bundle: `total` matches, the page's entries (fullUrl = base/type/id), links self,
 * first, previous and next built from the request's own parameters with `_offset` moved.
 */
export function searchset(
  base: string,
  url: URL,
  page: Paging,
  total: number,
  resources: R4.FhirResource[],
  warnings: { param: string; text: string }[] = [],
): R4.Bundle {
  const at = (offset: number) => {
    const u = new URL(url.pathname, base);
    for (const [k, v] of url.searchParams)
      if (k !== "_offset" && k !== "_page" && k !== "_count") u.searchParams.append(k, v);
    u.searchParams.set("_count", String(page.count));
    u.searchParams.set("_offset", String(offset));
    return u.toString();
  };
  const link: R4.BundleLink[] = [
    { relation: "self", url: at(page.offset) },
    { relation: "first", url: at(0) },
  ];
  if (page.offset > 0) link.push({ relation: "previous", url: at(Math.max(0, page.offset - page.count)) });
  if (page.offset + resources.length < total) link.push({ relation: "next", url: at(page.offset + page.count) });
  const entry: R4.BundleEntry[] = [
    ...resources.map(
      (resource): R4.BundleEntry => ({
        fullUrl: `${base}/fhir/R4/${resource.resourceType}/${resource.id}`,
        resource,
        search: { mode: "match" },
      }),
    ),
    // The parameters ignored (an unknown one, without Prefer: handling=strict), as FHIR's search says.
    ...(warnings.length ? [{ resource: ignoredParams(warnings), search: { mode: "outcome" as const } }] : []),
  ];
  // No entries: no `entry` (FHIR JSON has no empty arrays).
  return { resourceType: "Bundle", type: "searchset", total, link, ...(entry.length ? { entry } : {}) };
}

const ISSUE_CODE: Partial<Record<ErrorCode, R4.OperationOutcomeIssue["code"]>> = {
  UNAUTHENTICATED: "login",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "not-found",
  VALIDATION_FAILED: "invalid",
  MALFORMED_JSON: "invalid",
  RATE_LIMITED: "throttled",
};

/** An error as an OperationOutcome: one issue, plus one per invalid field (its expression). */
export function operationOutcome(e: Pick<AppError, "code" | "message" | "fields">): R4.OperationOutcome {
  const code = ISSUE_CODE[e.code] ?? "exception";
  const fields = Object.entries(e.fields ?? {});
  return {
    resourceType: "OperationOutcome",
    issue: [
      { severity: "error", code, diagnostics: e.message },
      ...fields.map(
        ([field, text]): R4.OperationOutcomeIssue => ({
          severity: "error",
          code,
          diagnostics: text,
          expression: [field],
        }),
      ),
    ],
  };
}
