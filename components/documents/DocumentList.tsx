import { Badge } from "@/components/ui/Badge";
import { cell, Table } from "@/components/ui/Table";
import type { DocumentView } from "@/lib/documents/queries";
import type { Locale } from "@/lib/i18n";
import type { Messages } from "@/lib/i18n/en";
import { formatDate } from "@/lib/server/format";
import { INTL_TAG } from "@/lib/i18n";

/** 812 B, 45 KB, 3.2 MB in the reader's number format. */
function size(n: number, locale: Locale): string {
  const f = (v: number, digits: number) =>
    new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits: digits }).format(v);
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${f(n / 1024, 0)} KB`;
  return `${f(n / (1024 * 1024), 1)} MB`;
}

/**
 * A chart's documents: a thumbnail for images (served small by its own route), the title opening
 * the document itself in a new tab, its category and dates. `staff`: who uploaded it and whether
 * the patient sees it.
 */
export function DocumentList({
  items,
  m,
  locale,
  staff,
}: {
  items: DocumentView[];
  m: Messages["documents"];
  locale: Locale;
  staff: boolean;
}) {
  const head = [
    m.columns.document,
    m.columns.category,
    m.columns.date,
    ...(staff ? [m.columns.uploadedBy, m.columns.shared] : []),
    m.columns.size,
  ];
  return (
    <Table head={head}>
      {items.map((d) => (
        <tr key={d.id} data-document={d.id}>
          <td className={cell}>
            <div className="flex items-center gap-3">
              {d.thumbnailUrl ? (
                // biome-ignore lint/performance/noImgElement: an authenticated API image, not a static asset
                <img
                  src={d.thumbnailUrl}
                  alt={m.thumbnailOf(d.title)}
                  width={48}
                  height={48}
                  loading="lazy"
                  className="h-12 w-12 rounded border border-slate-200 object-cover"
                />
              ) : (
                <span
                  aria-hidden
                  className="flex h-12 w-12 items-center justify-center rounded border border-slate-200 bg-slate-50 text-xs font-semibold text-slate-500"
                >
                  PDF
                </span>
              )}
              <a href={d.url} target="_blank" rel="noopener" className="font-medium text-brand-700 hover:underline">
                {d.title}
              </a>
            </div>
          </td>
          <td className={cell}>
            <Badge tone={d.category === "consent" ? "warning" : "neutral"}>{m.categories[d.category]}</Badge>
          </td>
          <td className={`${cell} whitespace-nowrap`}>
            {formatDate(d.documentDate, locale)}
            {d.consentSignedOn ? (
              <div className="text-xs text-slate-500">{m.consentSigned(formatDate(d.consentSignedOn, locale))}</div>
            ) : null}
          </td>
          {staff ? (
            <>
              <td className={cell}>{d.uploadedBy.name}</td>
              <td className={cell}>
                {d.sharedWithPatient ? (
                  <Badge tone="success">{m.sharedYes}</Badge>
                ) : (
                  <span className="text-slate-500">{m.sharedNo}</span>
                )}
              </td>
            </>
          ) : null}
          <td className={`${cell} whitespace-nowrap tabular-nums text-slate-600`}>{size(d.byteSize, locale)}</td>
        </tr>
      ))}
    </Table>
  );
}
