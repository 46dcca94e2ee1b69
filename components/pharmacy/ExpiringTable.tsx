import Link from "next/link";
import { Badge } from "@/components/ui/Badge";
import { Table, cell } from "@/components/ui/Table";
import { messages } from "@/lib/i18n/server";
import type { ExpiringRow } from "@/lib/pharmacy/queries";

/** Batches near or past their expiry, soonest first; expired ones marked. */
export async function ExpiringTable({ rows }: { rows: ExpiringRow[] }) {
  const { stock: m, phrases: p } = (await messages()).pharmacy;
  return (
    <Table head={[m.drug, m.lot, m.expiresOn, m.quantity]}>
      {rows.map((b) => (
        <tr key={b.id}>
          <td className={cell}><Link href={`/pharmacy/drugs/${b.drugId}`} className="text-brand-700 hover:underline">{b.drug}</Link></td>
          <td className={`${cell} whitespace-nowrap font-mono text-xs`}>{b.lot}</td>
          <td className={`${cell} whitespace-nowrap tabular-nums`}>
            {b.expiresOn} {b.expired ? <Badge tone="danger">{m.expired}</Badge> : <span className="text-xs text-slate-500">{p.expiresIn(b.daysLeft)}</span>}
          </td>
          <td className={`${cell} tabular-nums`}>{b.quantity}</td>
        </tr>
      ))}
    </Table>
  );
}
