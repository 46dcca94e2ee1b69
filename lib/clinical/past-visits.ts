/*
 * A patient's past visits as their home page lists them: the appointments that have started (any
 * status, so a missed or cancelled one is seen as such), each with the signed consultation written
 * from it, and the signed consultations without an appointment in the list (walk-ins, or visits
 * older than the appointments read) as visits of their own. Newest first.
 */

export type PastAppointment<S extends string = string> = {
  id: string;
  startsAt: string;
  status: S;
  reason: string | null;
  doctor: { name: string; specialty: string | null };
};
export type SignedConsultation = {
  id: string;
  appointmentId: string | null;
  createdAt: string;
  signedAt: string | null;
  doctor: { name: string };
  assessment: string | null;
  diagnoses: { code: string | null; description: string }[];
};
export type PastVisit<S extends string = string> = {
  /** The appointment's id, or the walk-in consultation's. */
  key: string;
  at: string;
  doctor: string;
  specialty: string | null;
  appointment: { id: string; status: S; reason: string | null } | null;
  consultation: { id: string; assessment: string | null; diagnoses: SignedConsultation["diagnoses"] } | null;
};

export function pastVisits<S extends string>(
  appointments: PastAppointment<S>[],
  consultations: SignedConsultation[],
  take: number,
): PastVisit<S>[] {
  const signed = consultations.filter((c) => c.signedAt !== null);
  const byAppointment = new Map(signed.filter((c) => c.appointmentId).map((c) => [c.appointmentId!, c]));
  const note = (c: SignedConsultation) => ({ id: c.id, assessment: c.assessment, diagnoses: c.diagnoses });
  const visits: PastVisit<S>[] = appointments.map((a) => {
    const c = byAppointment.get(a.id);
    return {
      key: a.id,
      at: a.startsAt,
      doctor: a.doctor.name,
      specialty: a.doctor.specialty,
      appointment: { id: a.id, status: a.status, reason: a.reason },
      consultation: c ? note(c) : null,
    };
  });
  const shown = new Set(appointments.map((a) => a.id));
  for (const c of signed) {
    if (c.appointmentId && shown.has(c.appointmentId)) continue;
    visits.push({
      key: c.id,
      at: c.createdAt,
      doctor: c.doctor.name,
      specialty: null,
      appointment: null,
      consultation: note(c),
    });
  }
  return visits
    .sort((x, y) => Date.parse(y.at) - Date.parse(x.at) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .slice(0, take);
}
