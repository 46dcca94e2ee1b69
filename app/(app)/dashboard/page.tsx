import type { Metadata } from "next";
import { AdminDashboard } from "@/components/dashboard/AdminDashboard";
import { ClinicianDashboard } from "@/components/dashboard/ClinicianDashboard";
import { PatientDashboard } from "@/components/dashboard/PatientDashboard";
import { PageHeader } from "@/components/ui/Card";
import { messages } from "@/lib/i18n";
import { guardPage } from "@/lib/server/guard";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const { actor } = await guardPage("dashboard.view", "/dashboard");
  const m = messages();
  return (
    <>
      <PageHeader title={m.dashboard.greeting(actor.name)} />
      {actor.role === "ADMIN" ? <AdminDashboard /> : actor.role === "PATIENT" ? <PatientDashboard userId={actor.id} /> : <ClinicianDashboard />}
    </>
  );
}
