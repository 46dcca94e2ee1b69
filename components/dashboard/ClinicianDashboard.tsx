import Link from "next/link";
import { Card } from "@/components/ui/Card";
import { PatientSearchForm } from "@/components/patients/PatientSearchForm";
import { messages } from "@/lib/i18n/server";
import { recentPatients } from "@/lib/patients/queries";
import { db } from "@/lib/server/db";

export async function ClinicianDashboard() {
  const m = (await messages());
  const patients = await recentPatients(db());
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={m.dashboard.searchPatients}>
        <PatientSearchForm action="/patients" />
      </Card>
      <Card title={m.dashboard.recentPatients}>
        {patients.length === 0 ? (
          <p className="text-sm text-slate-600">{m.dashboard.noPatients}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {patients.map((p) => (
              <li key={p.id} className="flex justify-between py-2 text-sm">
                <span className="font-medium">
                  {p.lastName}, {p.firstName}
                </span>
                <span className="font-mono text-slate-600 whitespace-nowrap">{p.mrn}</span>
              </li>
            ))}
          </ul>
        )}
        <Link href="/patients" className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">
          {m.patients.title} →
        </Link>
      </Card>
    </div>
  );
}
