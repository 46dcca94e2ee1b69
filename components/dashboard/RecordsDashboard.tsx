import Link from "next/link";
import { StatusBadge } from "@/components/scheduling/StatusBadge";
import { Alert } from "@/components/ui/Alert";
import { Card, StatCard } from "@/components/ui/Card";
import { Pagination } from "@/components/ui/Pagination";
import { Table, cell } from "@/components/ui/Table";
import { formatMoney } from "@/lib/billing/money";
import { listInvoices } from "@/lib/billing/queries";
import { messages, requestLocale } from "@/lib/server/locale";
import { listAppointments } from "@/lib/scheduling/queries";
import { changeAppointmentAction } from "@/lib/scheduling/actions";
import { checkInTiming, formatTime, startOfLocalDay, today } from "@/lib/scheduling/time";
import { clock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { formatInstant } from "@/lib/server/format";
import { can } from "@/lib/server/permissions";
import type { Ctx } from "@/lib/server/session";
import { listAdmissions } from "@/lib/wards/queries";
import { DateTime } from "luxon";
import { RowActionButton } from "./RowActionButton";

const PAGE = 10;
const pageOf = (v: string | undefined) => Math.max(1, Math.min(1000, Number.parseInt(v ?? "1", 10) || 1));
const link = "text-brand-700 hover:underline";

/**
 * The records office's day (hospital time): today's visits with their check-in state (and a Check in
 * button on each booked visit whose check-in window is open), today's admissions and discharges, and
 * unpaid invoices, each paged on its own. The lists of visits and
 * stays are audited one row per patient shown, as their own pages are.
 */
export async function RecordsDashboard({ ctx, params }: { ctx: Ctx; params: Record<string, string> }) {
  const locale = await requestLocale();
  const all = await messages();
  const m = all.scheduling.recordsDesk;
  const zone = env().HOSPITAL_TIMEZONE;
  const day = today(zone);
  const from = startOfLocalDay(day, zone);
  const to = startOfLocalDay(DateTime.fromISO(day, { zone }).plus({ days: 1 }).toISODate()!, zone);
  const [ap, sp, ip] = [pageOf(params.arrivals), pageOf(params.stays), pageOf(params.unpaid)];
  const [arrivals, checkedIn, expected, stays, unpaid, waitingLinks] = await Promise.all([
    listAppointments(db(), ctx, { from, to }, { skip: (ap - 1) * PAGE, take: PAGE }),
    db().appointment.count({ where: { startsAt: { gte: from, lt: to }, status: { in: ["CHECKED_IN", "COMPLETED"] } } }),
    db().appointment.count({ where: { startsAt: { gte: from, lt: to }, status: "BOOKED" } }),
    listAdmissions(db(), ctx, { movedBetween: { from, to } }, { skip: (sp - 1) * PAGE, take: PAGE }),
    listInvoices(db(), ctx, { status: "open" }, { skip: (ip - 1) * PAGE, take: PAGE }),
    can(ctx.actor.role, "patient.duplicates") ? db().patientLinkRequest.count({ where: { status: "PENDING" } }) : 0,
  ]);
  const canAdmissions = can(ctx.actor.role, "admission.manage");
  // As the appointment's page decides it: booked, on its day and within the window (the service checks again).
  const now = clock.now();
  const window = env().CHECKIN_WINDOW_MINUTES;
  const checksIn = (a: { status: string; startsAt: string }) =>
    can(ctx.actor.role, "appointment.book") &&
    a.status === "BOOKED" &&
    checkInTiming(new Date(a.startsAt), now, zone, window) === "ok";
  const inToday = (iso: string | null) => iso !== null && new Date(iso) >= from && new Date(iso) < to;
  return (
    <div className="space-y-6">
      {waitingLinks > 0 ? (
        <Alert>
          {all.duplicates.links.dashboardCard(waitingLinks)}{" "}
          <Link href="/patients/duplicates" className={`font-medium ${link}`}>
            {all.duplicates.links.open} →
          </Link>
        </Alert>
      ) : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <StatCard label={m.expected} value={expected} />
        <StatCard label={m.checkedIn} value={checkedIn} />
        <StatCard label={m.unpaid} value={unpaid.total} />
      </div>
      <Card title={m.arrivals}>
        {arrivals.items.length === 0 ? (
          <p className="text-sm text-slate-600">{m.noArrivals}</p>
        ) : (
          <Table head={[m.time, m.patient, m.doctor, m.status]}>
            {arrivals.items.map((a) => (
              <tr key={a.id} data-arrival={a.id}>
                <td className={cell}>
                  <Link className={`${link} tabular-nums`} href={`/appointments/${a.id}`}>
                    {formatTime(a.startsAt)}
                  </Link>
                </td>
                <td className={cell}>
                  {a.patient.name}{" "}
                  <span className="whitespace-nowrap font-mono text-xs text-slate-500">{a.patient.mrn}</span>
                </td>
                <td className={cell}>{a.doctor.name}</td>
                <td className={cell}>
                  <span className="flex flex-wrap items-center gap-2">
                    <StatusBadge status={a.status} />
                    {checksIn(a) ? (
                      <RowActionButton
                        action={changeAppointmentAction}
                        input={{ id: a.id, change: { status: "CHECKED_IN" as const } }}
                        label={all.scheduling.detail.checkIn}
                        name={a.patient.name}
                      />
                    ) : null}
                  </span>
                </td>
              </tr>
            ))}
          </Table>
        )}
        <Pagination
          page={ap}
          pageSize={PAGE}
          total={arrivals.total}
          params={params}
          param="arrivals"
          label={m.arrivals}
        />
        <Link href={`/appointments?from=${day}&to=${day}`} className={`mt-2 inline-block text-sm font-medium ${link}`}>
          {m.allAppointments} →
        </Link>
      </Card>
      <Card title={m.stays}>
        {stays.items.length === 0 ? (
          <p className="text-sm text-slate-600">{m.noStays}</p>
        ) : (
          <Table head={[m.patient, m.movement, m.time]}>
            {stays.items.flatMap((s) =>
              [
                ...(inToday(s.admittedAt) ? [[m.admitted, s.admittedAt] as const] : []),
                ...(inToday(s.dischargedAt) ? [[m.discharged, s.dischargedAt!] as const] : []),
              ].map(([what, at]) => (
                <tr key={`${s.id}-${what}`}>
                  <td className={cell}>
                    {canAdmissions ? (
                      <Link className={link} href={`/admissions/${s.id}`}>
                        {s.patient.name}
                      </Link>
                    ) : (
                      s.patient.name
                    )}{" "}
                    <span className="whitespace-nowrap font-mono text-xs text-slate-500">{s.patient.mrn}</span>
                  </td>
                  <td className={cell}>
                    {what}
                    {s.currentBed ? <span className="text-slate-500"> · {s.currentBed.place}</span> : null}
                  </td>
                  <td className={`${cell} tabular-nums`}>{formatInstant(at, locale)}</td>
                </tr>
              )),
            )}
          </Table>
        )}
        <Pagination page={sp} pageSize={PAGE} total={stays.total} params={params} param="stays" label={m.stays} />
        {canAdmissions ? (
          <Link href="/admissions" className={`mt-2 inline-block text-sm font-medium ${link}`}>
            {m.allAdmissions} →
          </Link>
        ) : null}
      </Card>
      <Card title={m.unpaid}>
        {unpaid.items.length === 0 ? (
          <p className="text-sm text-slate-600">{m.noUnpaid}</p>
        ) : (
          <Table head={[m.invoice, m.patient, m.issued, m.balance]}>
            {unpaid.items.map((i) => (
              <tr key={i.id}>
                <td className={cell}>
                  <Link className={`${link} whitespace-nowrap font-mono`} href={`/billing/${i.id}`}>
                    {i.number}
                  </Link>
                </td>
                <td className={cell}>
                  {i.patient.name}{" "}
                  <span className="whitespace-nowrap font-mono text-xs text-slate-500">{i.patient.mrn}</span>
                </td>
                <td className={`${cell} tabular-nums`}>{formatInstant(i.issuedAt, locale)}</td>
                <td className={`${cell} text-right tabular-nums`}>{formatMoney(i.balance, i.currency, locale)}</td>
              </tr>
            ))}
          </Table>
        )}
        <Pagination page={ip} pageSize={PAGE} total={unpaid.total} params={params} param="unpaid" label={m.unpaid} />
        <Link href="/billing?status=open" className={`mt-2 inline-block text-sm font-medium ${link}`}>
          {m.allInvoices} →
        </Link>
      </Card>
    </div>
  );
}
