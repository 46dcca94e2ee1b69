import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { messages } from "@/lib/i18n";
import { ownPatientRecord } from "@/lib/patients/queries";
import { db } from "@/lib/server/db";

export async function PatientDashboard({ userId }: { userId: string }) {
  const m = messages().dashboard;
  const record = await ownPatientRecord(db(), userId);
  if (!record) return <Alert>{m.noRecord}</Alert>;
  return (
    <Card title={m.yourRecord}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-slate-600">{messages().patients.name}</dt>
        <dd className="font-medium">
          {record.firstName} {record.lastName}
        </dd>
        <dt className="text-slate-600">{m.mrn}</dt>
        <dd className="font-mono">{record.mrn}</dd>
      </dl>
    </Card>
  );
}
