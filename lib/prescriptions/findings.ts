import { catalog, type Locale } from "@/lib/i18n";
import { en, type Messages } from "@/lib/i18n/en";
import { AppError } from "@/lib/server/errors";
import type { Finding, FindingKey, FindingParams } from "./finding-types";

// A safety finding's sentence in the reader's language, from its key and values: the drug class
// and the allergy's severity as words of that language, interactions by their rule's id. Findings
// stored without a key (older prescriptions) keep the English message they were written with.

type Words = Pick<Messages, "prescriptions" | "pharmacy">;

/** A drug class slug as a word of the language (unknown slugs as written). */
export const classWord = (cls: string, classes: Messages["pharmacy"]["classes"]) =>
  (classes as Record<string, string>)[cls] ?? cls;

/** A recorded allergy's severity as a word of the language. */
export const allergySeverityWord = (severity: string, m: Pick<Messages["prescriptions"], "allergySeverities">) =>
  (m.allergySeverities as Record<string, string>)[severity] ?? severity;

export function findingText(key: FindingKey, params: FindingParams, m: Words): string {
  const t = m.prescriptions.findings;
  const v = (k: keyof FindingParams) => params[k] ?? "";
  const cls = classWord(v("cls"), m.pharmacy.classes);
  const recorded = t.recorded(
    v("substance"),
    params.allergySeverity ? allergySeverityWord(params.allergySeverity, m.prescriptions) : "",
  );
  const where = v("where") === "current" ? t.whereCurrent : t.whereThis;
  switch (key) {
    case "allergy":
      return t.allergy(v("drug"), v("ingredient"), recorded);
    case "allergyClass":
      return t.allergyClass(v("drug"), cls, recorded);
    case "allergyCross":
      return t.allergyCross(v("drug"), cls, recorded, classWord(v("from"), m.pharmacy.classes));
    case "allergyUnknown":
      return t.allergyUnknown(v("substance"));
    case "interaction": {
      const message = t.interactions[v("rule")] ?? en.prescriptions.findings.interactions[v("rule")] ?? v("rule");
      return params.live ? t.interactionLive(message, params.live) : message;
    }
    case "duplicateIngredient":
      return t.duplicateIngredient(v("ingredient"), where);
    case "duplicateClass":
      return t.duplicateClass(v("drug"), v("other"), cls, where);
    case "noClass":
      return t.noClass(v("drug"));
  }
}

/** The English sentence, as stored with the prescription and in the audit trail. */
export const englishFinding = (key: FindingKey, params: FindingParams) => findingText(key, params, en);

/** The findings with their messages in the given language. */
export function localizeFindings(findings: readonly Finding[], locale: Locale): Finding[] {
  const m = catalog(locale);
  return findings.map((f) => (f.key ? { ...f, message: findingText(f.key, f.params ?? {}, m) } : f));
}

/** A SAFETY_CHECK refusal with its findings in the given language (any other error as it is). */
export function localizedRefusal(err: unknown, locale: Locale): unknown {
  if (!(err instanceof AppError) || err.code !== "SAFETY_CHECK") return err;
  const details = err.details as { findings?: Finding[] } | undefined;
  return details?.findings
    ? new AppError("SAFETY_CHECK", err.key, {
        details: { ...details, findings: localizeFindings(details.findings, locale) },
      })
    : err;
}
