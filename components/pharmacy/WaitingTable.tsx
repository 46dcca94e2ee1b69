import Link from "next/link";
import { Badge } from "@/components/ui/Badge";
import { NARROW_ONLY, Table, WIDE_ONLY, cell } from "@/components/ui/Table";
import { messages, requestLocale } from "@/lib/server/locale";
import type { WaitingRow } from "@/lib/pharmacy/queries";
import { formatWhen } from "@/lib/scheduling/time";
import { RxStatusBadge } from "@/components/prescriptions/StatusBadge";

/**
 * Prescriptions a pharmacist can dispense; one signed despite safety findings is marked (red, with the
 * word) until acknowledged. Below lg (a tablet) the prescriber is stacked under the patient and the
 * lines and validity under the status, so the table fits its card without scrolling sideways.
 */
export async function WaitingTable({ rows }: { rows: WaitingRow[] }) {
  const locale = await requestLocale();
  const m = (await messages()).pharmacy.dashboard;
  return (
    <Table
      head={[
        m.issued,
        m.patient,
        { label: m.prescriber, className: WIDE_ONLY },
        { label: m.items, className: WIDE_ONLY },
        m.status,
        { label: m.expires, className: WIDE_ONLY },
      ]}
    >
      {rows.map((r) => (
        <tr key={r.id} className={r.override === "pending" ? "bg-red-50" : undefined}>
          <td className={`${cell} whitespace-nowrap tabular-nums`}>
            <Link href={`/pharmacy/prescriptions/${r.id}`} className="font-medium text-brand-700 hover:underline">
              <time dateTime={r.issuedAt}>{formatWhen(r.issuedAt, locale)}</time>
            </Link>
            {/* First column, so the mark stays in view on a narrow screen. */}
            {r.override ? (
              <span className="mt-1 block">
                {r.override === "pending" ? (
                  <Badge tone="danger">⚠ {m.override}</Badge>
                ) : (
                  <Badge tone="warning">{m.overrideAcknowledged}</Badge>
                )}
              </span>
            ) : null}
          </td>
          <td className={cell}>
            {r.patientName} <span className="font-mono text-xs text-slate-600 whitespace-nowrap">{r.mrn}</span>
            <span className={`${NARROW_ONLY} block text-xs text-slate-600`}>
              {m.prescriber}: {r.prescriber}
            </span>
          </td>
          <td className={`${cell} ${WIDE_ONLY}`}>{r.prescriber}</td>
          <td className={`${cell} ${WIDE_ONLY} tabular-nums`}>{r.lines}</td>
          <td className={cell}>
            <RxStatusBadge status={r.status} />
            <span className={`${NARROW_ONLY} mt-1 block text-xs text-slate-600`}>
              {m.items}: <span className="tabular-nums">{r.lines}</span> · {m.expires}:{" "}
              <span className="whitespace-nowrap tabular-nums">{formatWhen(r.expiresAt, locale)}</span>
            </span>
          </td>
          <td className={`${cell} ${WIDE_ONLY} whitespace-nowrap tabular-nums text-slate-600`}>
            {formatWhen(r.expiresAt, locale)}
          </td>
        </tr>
      ))}
    </Table>
  );
}
