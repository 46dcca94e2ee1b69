import Link from "next/link";
import { messages, requestLocale } from "@/lib/server/locale";
import { formatDate } from "@/lib/server/format";
import type { PatientRow } from "@/lib/patients/queries";

/** recordHref: where a row opens, with {id} for the record id; null when the viewer may only list. */
export async function PatientTable({ rows, recordHref = null }: { rows: PatientRow[]; recordHref?: string | null }) {
  const m = (await messages()).patients;
  const locale = await requestLocale();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              {m.mrn}
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              {m.name}
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              {m.dateOfBirth}
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              {m.sex}
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              {m.phone}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((p) => (
            <tr key={p.id}>
              <td className="px-4 py-2 font-mono whitespace-nowrap">{p.mrn}</td>
              <td className="px-4 py-2 font-medium">
                {recordHref ? (
                  <Link href={recordHref.replace("{id}", p.id)} className="text-brand-700 hover:underline">
                    {p.lastName}, {p.firstName}
                  </Link>
                ) : (
                  `${p.lastName}, ${p.firstName}`
                )}
              </td>
              <td className="px-4 py-2 tabular-nums">
                <time dateTime={p.dateOfBirth}>{formatDate(p.dateOfBirth, locale)}</time>
              </td>
              <td className="px-4 py-2">{m.form.sexes[p.sex as keyof typeof m.form.sexes] ?? p.sex}</td>
              <td className="px-4 py-2">{p.phone ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
