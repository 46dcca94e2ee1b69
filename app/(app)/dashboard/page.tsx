import { AdminDashboard } from "@/components/dashboard/AdminDashboard";
import { DoctorDashboard } from "@/components/dashboard/DoctorDashboard";
import { NurseDashboard } from "@/components/dashboard/NurseDashboard";
import { reviewLabResultAction } from "../lab/actions";
import { PatientDashboard } from "@/components/dashboard/PatientDashboard";
import { PharmacistDashboard } from "@/components/dashboard/PharmacistDashboard";
import { RecordsDashboard } from "@/components/dashboard/RecordsDashboard";
import { PageHeader } from "@/components/ui/Card";
import { messages, titled } from "@/lib/server/locale";
import { guardPage } from "@/lib/server/guard";
import { stringParams } from "@/lib/server/page-query";

export const generateMetadata = titled((m) => m.titles.dashboard);

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await guardPage("dashboard.view", "/dashboard");
  const { actor } = ctx;
  const m = await messages();
  return (
    <>
      <PageHeader title={m.dashboard.greeting(actor.name)} />
      {actor.role === "ADMIN" ? (
        <AdminDashboard actorId={actor.id} />
      ) : actor.role === "PATIENT" ? (
        <PatientDashboard ctx={ctx} />
      ) : actor.role === "DOCTOR" ? (
        <DoctorDashboard ctx={ctx} review={reviewLabResultAction} />
      ) : actor.role === "NURSE" ? (
        <NurseDashboard ctx={ctx} />
      ) : actor.role === "PHARMACIST" ? (
        <PharmacistDashboard ctx={ctx} params={stringParams(await searchParams)} />
      ) : (
        <RecordsDashboard ctx={ctx} params={stringParams(await searchParams)} />
      )}
    </>
  );
}
