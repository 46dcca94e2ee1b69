import Link from "next/link";
import { cell, Table } from "@/components/ui/Table";
import { messages, requestLocale } from "@/lib/server/locale";
import type { PrescriptionSummary } from "@/lib/prescriptions/queries";
import { formatInstant } from "@/lib/server/format";
import { RxStatusBadge } from "./StatusBadge";

export async function PrescriptionTable({ rows, showPatient }: { rows: PrescriptionSummary[]; showPatient: boolean }) {
  const locale = await requestLocale();
  const m = (await messages()).prescriptions.list;
  return (
    <Table head={[m.issued, ...(showPatient ? [m.patient] : []), m.prescriber, m.drugs, m.expires, m.status]}>
      {rows.map((p) => (
        <tr key={p.id} className="hover:bg-slate-50">
          <td className={`${cell} whitespace-nowrap`}>
            <Link href={`/prescriptions/${p.id}`} className="font-medium text-brand-700 hover:underline">
              {formatInstant(p.issuedAt, locale)}
            </Link>
          </td>
          {showPatient ? (
            <td className={cell}>
              {p.patient.name}{" "}
              <span className="font-mono text-xs text-slate-500 whitespace-nowrap">{p.patient.mrn}</span>
            </td>
          ) : null}
          <td className={cell}>{p.prescriber.name}</td>
          <td className={cell}>{p.drugs.join(", ")}</td>
          <td className={`${cell} whitespace-nowrap`}>{formatInstant(p.expiresAt, locale)}</td>
          <td className={cell}>
            <RxStatusBadge status={p.status} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
