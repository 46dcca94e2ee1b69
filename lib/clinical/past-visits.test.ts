import { describe, expect, it } from "vitest";
import { pastVisits, type PastAppointment, type SignedConsultation } from "./past-visits";

const appt = (id: string, startsAt: string, status = "COMPLETED"): PastAppointment => ({
  id,
  startsAt,
  status,
  reason: null,
  doctor: { name: "Dr. Okafor", specialty: "Cardiology" },
});
const note = (
  id: string,
  createdAt: string,
  appointmentId: string | null = null,
  signed = true,
): SignedConsultation => ({
  id,
  appointmentId,
  createdAt,
  signedAt: signed ? createdAt : null,
  doctor: { name: "Dr. Mensah" },
  assessment: `Assessment ${id}`,
  diagnoses: [{ code: "I10", description: "Essential (primary) hypertension" }],
});

describe("a patient's past visits", () => {
  it("lists a walk-in's signed consultation as a visit, and the note of a booked visit under it", () => {
    const visits = pastVisits(
      [appt("a1", "2027-03-01T09:00:00+00:00"), appt("a2", "2027-02-01T09:00:00+00:00", "NO_SHOW")],
      [note("c1", "2027-03-01T09:20:00+00:00", "a1"), note("walk", "2027-03-05T14:00:00+00:00")],
      10,
    );
    expect(visits.map((v) => [v.key, v.appointment?.status ?? null, v.consultation?.id ?? null])).toEqual([
      ["walk", null, "walk"],
      ["a1", "COMPLETED", "c1"],
      ["a2", "NO_SHOW", null],
    ]);
    expect(visits[0]).toMatchObject({ at: "2027-03-05T14:00:00+00:00", doctor: "Dr. Mensah" });
    expect(visits[1]).toMatchObject({ doctor: "Dr. Okafor", specialty: "Cardiology" });
  });

  it("shows no draft; a note whose appointment was not read is a visit of its own; newest `take`", () => {
    const visits = pastVisits(
      [appt("a1", "2027-03-01T09:00:00+00:00")],
      [
        note("draft", "2027-03-06T10:00:00+00:00", null, false),
        note("old", "2026-12-01T10:00:00+00:00", "a-older"),
        note("w2", "2027-03-04T10:00:00+00:00"),
      ],
      2,
    );
    expect(visits.map((v) => v.key)).toEqual(["w2", "a1"]);
    expect(pastVisits([], [note("old", "2026-12-01T10:00:00+00:00", "a-older")], 5).map((v) => v.key)).toEqual(["old"]);
  });
});
