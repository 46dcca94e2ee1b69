import Link from "next/link";
import { Badge } from "@/components/ui/Badge";
import { Table, cell } from "@/components/ui/Table";
import { messages, requestLocale } from "@/lib/server/locale";
import { formatCalendarDay } from "@/lib/pharmacy/dates";
import type { ExpiringRow } from "@/lib/pharmacy/queries";

/** Batches near or past their expiry, soonest first; expired ones marked. */
export async function ExpiringTable({ rows }: { rows: ExpiringRow[] }) {
  const { stock: m, phrases: p } = (await messages()).pharmacy;
  const locale = await requestLocale();
  return (
    <Table head={[m.drug, m.lot, m.expiresOn, m.quantity]}>
      {rows.map((b) => (
        <tr key={b.id}>
          <td className={cell}>
            <Link href={`/pharmacy/drugs/${b.drugId}`} className="text-brand-700 hover:underline">
              {b.drug}
            </Link>
          </td>
          <td className={`${cell} whitespace-nowrap font-mono text-xs`}>{b.lot}</td>
          <td className={`${cell} whitespace-nowrap tabular-nums`}>
            {formatCalendarDay(b.expiresOn, locale)}{" "}
            {b.expired ? (
              <Badge tone="danger">{m.expired}</Badge>
            ) : (
              <span className="text-xs text-slate-500">{p.expiresIn(b.daysLeft)}</span>
            )}
          </td>
          <td className={`${cell} tabular-nums`}>{b.quantity}</td>
        </tr>
      ))}
    </Table>
  );
}
