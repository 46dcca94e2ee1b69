import Link from "next/link";
import { notFound } from "next/navigation";
import { AvailabilityEditor } from "@/components/scheduling/AvailabilityEditor";
import { PageHeader } from "@/components/ui/Card";
import { messages, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { getDoctor } from "@/lib/staff/queries";

export const generateMetadata = titled((m) => m.titles.adminStaffIdAvailability);

/** An admin edits a doctor's working hours from the staff pages. */
export default async function StaffAvailabilityPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await guardPage("staff.manage", `/admin/staff/${id}/availability`);
  const doctor = await getDoctor(db(), id);
  if (!doctor) notFound();
  const m = await messages();
  return (
    <>
      <PageHeader title={m.scheduling.phrases.availabilityOf(doctor.name)}>
        <Link href={`/admin/staff/${id}`} className="text-sm text-brand-700 hover:underline">
          ← {m.staff.phrases.staffTitle(doctor.name)}
        </Link>
      </PageHeader>
      <AvailabilityEditor doctorId={id} />
    </>
  );
}
