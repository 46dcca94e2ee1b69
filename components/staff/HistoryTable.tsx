import { Table, cell } from "@/components/ui/Table";
import { messages, requestLocale } from "@/lib/server/locale";
import type { Messages } from "@/lib/i18n";
import { formatInstant } from "@/lib/server/format";
import type { HistoryEntry } from "@/lib/staff/queries";

type Details = {
  changes?: Record<string, { from: unknown; to: unknown }>;
  fields?: string[];
  active?: boolean;
  reason?: string;
  field?: string;
  passwordLink?: string;
  invited?: boolean;
};

type All = Messages;

/** Field names and stored values (role codes, department ids) as a reader knows them. */
function labelled(all: All, departments: Record<string, string>) {
  const s = all.staff.staff;
  const fields: Record<string, string> = {
    name: s.name,
    email: s.email,
    role: s.role,
    departmentId: s.department,
    specialty: s.specialty,
    qualification: s.qualification,
    registrationNumber: s.registrationNumber,
    yearsOfExperience: s.yearsOfExperience,
    consultationFee: s.consultationFee,
  };
  const value = (k: string, v: unknown) => {
    if (v === null || v === undefined || v === "") return "—";
    if (k === "role") return all.roles[v as keyof All["roles"]] ?? String(v);
    if (k === "departmentId") return departments[String(v)] ?? String(v);
    return String(v);
  };
  return { field: (k: string) => fields[k] ?? k, value };
}

/** One readable line per audit event: what changed, never a secret (none is recorded). */
function describe(e: HistoryEntry, all: All, departments: Record<string, string>): string {
  const m = all.staff.audit;
  const d = (e.details ?? {}) as Details;
  const l = labelled(all, departments);
  if (d.changes)
    return Object.entries(d.changes)
      .map(([k, c]) => `${l.field(k)}: ${l.value(k, c.from)} → ${l.value(k, c.to)}`)
      .join("; ");
  if (d.active === false) return m.deactivated(d.reason ?? "");
  if (d.active === true) return m.reactivated;
  if (d.field === "password") return m.password;
  if (d.passwordLink) return m.resetLink;
  if (d.fields) return `${m.CREATE}: ${m.fields(d.fields.map(l.field))}${d.invited ? ` (${m.invited})` : ""}`;
  return m[e.action as "CREATE" | "UPDATE" | "DELETE"] ?? e.action;
}

export async function HistoryTable({
  rows,
  departments,
}: {
  rows: HistoryEntry[];
  departments: Record<string, string>;
}) {
  const locale = await requestLocale();
  const all = await messages();
  const m = all.staff.staff;
  return (
    <Table head={[m.when, m.who, m.what]}>
      {rows.map((e) => (
        <tr key={e.id}>
          <td className={`${cell} whitespace-nowrap tabular-nums`}>
            <time dateTime={e.at}>{formatInstant(e.at, locale)}</time>
          </td>
          <td className={cell}>{e.actorName ?? m.system}</td>
          <td className={cell}>{describe(e, all, departments)}</td>
        </tr>
      ))}
    </Table>
  );
}
