import { AvailabilityEditor } from "@/components/scheduling/AvailabilityEditor";
import { PageHeader } from "@/components/ui/Card";
import { messages, titled } from "@/lib/server/locale";
import { guardPage } from "@/lib/server/guard";

export const generateMetadata = titled((m) => m.titles.availability);

/** A doctor's own working hours. */
export default async function AvailabilityPage() {
  const { actor } = await guardPage("availability.own", "/availability");
  return (
    <>
      <PageHeader title={(await messages()).scheduling.availability.title} />
      <AvailabilityEditor doctorId={actor.id} />
    </>
  );
}
