import type { Severity } from "./safety-data";

// The types of a medication safety finding (safety.ts makes them, findings.ts words them).

export type FindingKind = "ALLERGY" | "ALLERGY_CLASS" | "INTERACTION" | "DUPLICATE_THERAPY" | "UNCHECKED";
/** Which sentence says the finding, with its values: rendered in the reader's language (findings.ts). */
export type FindingKey =
  | "allergy"
  | "allergyClass"
  | "allergyCross"
  | "allergyUnknown"
  | "interaction"
  | "duplicateIngredient"
  | "duplicateClass"
  | "noClass";
export type FindingParams = Partial<
  Record<
    "drug" | "ingredient" | "substance" | "allergySeverity" | "cls" | "from" | "rule" | "live" | "where" | "other",
    string
  >
>;
/**
 * `message` is the English sentence (kept with the prescription and in the audit trail); `key` and
 * `params` let every reader get it in their own language. Findings stored before keys existed have
 * only the message.
 */
export type Finding = {
  kind: FindingKind;
  severity: Severity;
  drugs: string[];
  message: string;
  key?: FindingKey;
  params?: FindingParams;
};
export type { Severity };
