import { Table, cell } from "@/components/ui/Table";
import { messages, requestLocale } from "@/lib/server/locale";
import type { Status } from "@/lib/scheduling/schemas";
import { formatWhen } from "@/lib/scheduling/time";

type Event = {
  at: string;
  actorName: string | null;
  fromStatus: Status | null;
  toStatus: Status;
  fromStartsAt: string | null;
  toStartsAt: string | null;
  note: string | null;
};

/** One line per change: booked, moved, or a status change, with its note (reason). */
export async function AppointmentHistory({ events }: { events: Event[] }) {
  const locale = await requestLocale();
  const all = await messages();
  const m = all.scheduling;
  const what = (e: Event) => {
    if (!e.fromStatus) return `${m.detail.booked}${e.toStartsAt ? `: ${formatWhen(e.toStartsAt, locale)}` : ""}`;
    if (e.fromStartsAt && e.toStartsAt)
      return m.phrases.moved(formatWhen(e.fromStartsAt, locale), formatWhen(e.toStartsAt, locale));
    return m.phrases.statusChange(m.statuses[e.fromStatus], m.statuses[e.toStatus]);
  };
  return (
    <Table head={[m.detail.historyWhen, m.detail.historyWho, m.detail.historyWhat]}>
      {events.map((e, i) => (
        <tr key={i}>
          <td className={`${cell} whitespace-nowrap tabular-nums`}>
            <time dateTime={e.at}>{formatWhen(e.at, locale)}</time>
          </td>
          <td className={`${cell} whitespace-nowrap`}>{e.actorName ?? all.staff.staff.system}</td>
          <td className={cell}>
            {what(e)}
            {e.note ? <span className="block text-slate-600">“{e.note}”</span> : null}
          </td>
        </tr>
      ))}
    </Table>
  );
}
