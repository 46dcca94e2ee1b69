import Link from "next/link";
import { cell, Table } from "@/components/ui/Table";
import { formatMoney } from "@/lib/billing/money";
import type { InvoiceSummary } from "@/lib/billing/queries";
import type { Locale } from "@/lib/i18n";
import type { Messages } from "@/lib/i18n/en";
import { formatInstant } from "@/lib/server/format";
import { InvoiceStatusBadge } from "./InvoiceStatusBadge";

/** Invoices as rows: number (linking to the invoice), the patient when asked, issued, status and amounts. */
export function InvoiceTable({
  items,
  m,
  locale,
  withPatient,
}: {
  items: InvoiceSummary[];
  m: Messages["billing"];
  locale: Locale;
  withPatient: boolean;
}) {
  return (
    <Table
      head={[
        m.list.number,
        ...(withPatient ? [m.list.patient] : []),
        m.list.issued,
        m.list.status,
        m.list.total,
        m.list.paid,
        m.list.balance,
      ]}
    >
      {items.map((i) => (
        <tr key={i.id}>
          <td className={cell}>
            <Link href={`/billing/${i.id}`} className="font-medium text-brand-700 hover:underline">
              {i.number}
            </Link>
          </td>
          {withPatient ? (
            <td className={cell}>
              {i.patient.name} <span className="whitespace-nowrap text-slate-600">· {i.patient.mrn}</span>
            </td>
          ) : null}
          <td className={cell}>{formatInstant(i.issuedAt, locale)}</td>
          <td className={cell}>
            <InvoiceStatusBadge status={i.status} label={m.statuses[i.status]} />
          </td>
          <td className={`${cell} text-right tabular-nums`}>{formatMoney(i.total, i.currency, locale)}</td>
          <td className={`${cell} text-right tabular-nums`}>{formatMoney(i.paid, i.currency, locale)}</td>
          <td className={`${cell} text-right font-medium tabular-nums`}>
            {formatMoney(i.balance, i.currency, locale)}
          </td>
        </tr>
      ))}
    </Table>
  );
}
