import type { Metadata } from "next";
import { AvailabilityEditor } from "@/components/scheduling/AvailabilityEditor";
import { PageHeader } from "@/components/ui/Card";
import { messages } from "@/lib/i18n";
import { guardPage } from "@/lib/server/guard";

export const metadata: Metadata = { title: "Availability" };

/** A doctor's own working hours. */
export default async function AvailabilityPage() {
  const { actor } = await guardPage("availability.own", "/availability");
  return (
    <>
      <PageHeader title={messages().scheduling.availability.title} />
      <AvailabilityEditor doctorId={actor.id} />
    </>
  );
}
