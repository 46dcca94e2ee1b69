import Link from "next/link";
import { formatMoney } from "@/lib/billing/money";
import type { RecordLink } from "@/lib/databrowser/queries";
import type { FieldKind } from "@/lib/databrowser/registry";
import { INTL_TAG, type Locale } from "@/lib/i18n";
import { formatInstant } from "@/lib/server/format";

export const recordHref = (l: { entity: string; id: string }) => `/admin/data/${l.entity}/${encodeURIComponent(l.id)}`;

/** One value of a record, readable: dates in the reader's language, money in the hospital's currency, references as links. */
export function Value({
  kind,
  value,
  link,
  locale,
  currency,
  yes,
  no,
  codes,
}: {
  kind: FieldKind;
  value: unknown;
  link?: RecordLink | null;
  locale: Locale;
  currency: string;
  yes: string;
  no: string;
  codes: Readonly<Record<string, string>>;
}) {
  if (kind === "ref")
    return link ? (
      <Link href={recordHref(link)} className="text-brand-700 hover:underline">
        {link.label}
      </Link>
    ) : (
      <span className="text-slate-400">—</span>
    );
  if (value === null || value === undefined || value === "") return <span className="text-slate-400">—</span>;
  switch (kind) {
    case "bool":
      return <>{value ? yes : no}</>;
    case "datetime":
      return <span className="tabular-nums">{formatInstant(String(value), locale)}</span>;
    case "date":
      return (
        <span className="tabular-nums">
          {new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: "medium", timeZone: "UTC" }).format(
            new Date(String(value)),
          )}
        </span>
      );
    case "money":
      return <span className="tabular-nums">{formatMoney(Number(value), currency, locale)}</span>;
    case "int":
    case "float":
      return <span className="tabular-nums">{new Intl.NumberFormat(INTL_TAG[locale]).format(Number(value))}</span>;
    case "enum": {
      // The word in the reader's language; the stored code on hover, and as is when the catalogue has no word for it.
      const code = String(value);
      return codes[code] ? <span title={code}>{codes[code]}</span> : code;
    }
    case "list":
      return <>{(value as unknown[]).join(", ")}</>;
    case "json":
      return <code className="text-xs">{JSON.stringify(value)}</code>;
    case "longtext":
      return <span className="whitespace-pre-wrap">{String(value)}</span>;
    default:
      return <>{String(value)}</>;
  }
}
