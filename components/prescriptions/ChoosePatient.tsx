"use client";

import { useRouter } from "next/navigation";
import { PatientPicker, type PatientOption } from "@/components/scheduling/PatientPicker";
import type { ActionResult } from "@/lib/server/action";

/** Without a patient in the URL, the prescribing page first asks for one. */
export function ChoosePatient({
  find,
  labels,
}: {
  find: (input: { q: string }) => Promise<ActionResult<PatientOption[]>>;
  labels: { patientSearch: string; searchButton: string; noMatches: string; chosen: string; change: string };
}) {
  const router = useRouter();
  return (
    <PatientPicker
      value={null}
      onChange={(p) => p && router.push(`/prescriptions/new?patientId=${encodeURIComponent(p.id)}`)}
      find={find}
      labels={labels}
    />
  );
}
