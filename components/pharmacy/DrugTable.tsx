import Link from "next/link";
import { Badge } from "@/components/ui/Badge";
import { Table, cell } from "@/components/ui/Table";
import { messages } from "@/lib/server/locale";
import type { DrugRow } from "@/lib/pharmacy/queries";
import { classWord } from "@/lib/prescriptions/findings";

/** Catalogue rows with stock on hand; a low drug is flagged, a withdrawn one marked. `compact`: drug, on hand and reorder level only. */
export async function DrugTable({ rows, compact = false }: { rows: DrugRow[]; compact?: boolean }) {
  const { drugs: m, classes } = (await messages()).pharmacy;
  return (
    <Table
      head={
        compact
          ? [m.drug, m.onHand, m.reorderLevel]
          : [m.drug, m.form, m.strength, m.drugClass, m.onHand, m.reorderLevel]
      }
    >
      {rows.map((d) => (
        <tr key={d.id}>
          <td className={cell}>
            <Link href={`/pharmacy/drugs/${d.id}`} className="font-medium text-brand-700 hover:underline">
              {d.genericName}
            </Link>
            {compact ? (
              <span className="ml-1 text-slate-600">
                {d.strength} {d.form}
              </span>
            ) : null}
            {d.brandName && !compact ? <span className="ml-2 text-slate-500">{d.brandName}</span> : null}
            {!d.active ? (
              <span className="ml-2">
                <Badge>{m.inactive}</Badge>
              </span>
            ) : null}
          </td>
          {compact ? null : (
            <>
              <td className={cell}>{d.form}</td>
              <td className={`${cell} whitespace-nowrap`}>{d.strength}</td>
              <td className={cell}>{classWord(d.drugClass, classes)}</td>
            </>
          )}
          <td className={`${cell} tabular-nums`}>
            {d.onHand} {d.lowStock ? <Badge tone="warning">{m.low}</Badge> : null}
          </td>
          <td className={`${cell} tabular-nums text-slate-600`}>{d.reorderLevel}</td>
        </tr>
      ))}
    </Table>
  );
}
