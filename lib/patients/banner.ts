import type { News2Band, News2Reason } from "@/lib/clinical/news2";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { isoInZone, nextDates, startOfLocalDay, today } from "@/lib/scheduling/time";
import type { Permission } from "@/lib/server/permissions";
import type { Ctx } from "@/lib/server/session";
import { chartOf, openChart, type ChartAccess } from "./chart";
import { ageOn } from "./queries";

/** Why the banner shows no NEWS2: the score's own reasons, or no observations recorded yet. */
export type BannerNews2Reason = News2Reason | "no vitals";

/**
 * What the patient banner shows, and nothing more: identity, allergies, where the patient is now
 * (bed of the current admission, else today's visit), the doctor in charge, and the latest NEWS2.
 * `news2` is null for an actor who does not see clinical details (records officers, pharmacists).
 */
export type PatientBannerData = {
  id: string;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  age: number;
  sex: string;
  active: boolean;
  allergies: { id: string; substance: string; reaction: string | null; severity: string | null }[];
  location:
    | {
        kind: "admission";
        admissionId: string;
        since: string;
        ward: string | null;
        room: string | null;
        bed: string | null;
      }
    | { kind: "visit"; appointmentId: string; startsAt: string; status: string }
    | null;
  attending: { id: string; name: string } | null;
  news2:
    | { score: number; band: News2Band; takenAt: string }
    | { score: null; reason: BannerNews2Reason; takenAt: string | null }
    | null;
};

/**
 * The banner of an opened chart (the opening checked scope and wrote the audit row). The patient and
 * their allergies were read at opening; here at most three small reads side by side: the current
 * admission with its live bed, today's first visit not cancelled (only when not admitted, but read
 * in parallel), and the latest vitals (clinical readers only).
 */
export async function patientBanner(prisma: Db, chart: ChartAccess): Promise<PatientBannerData> {
  const { patient: p, patientId, clinical } = chartOf(chart);
  const zone = env().HOSPITAL_TIMEZONE;
  const now = clock.now();
  const [day, nextDay] = nextDates(today(zone, now), 2, zone);
  const dayStart = startOfLocalDay(day, zone);
  const dayEnd = startOfLocalDay(nextDay, zone);
  const [admission, visit, vital] = await Promise.all([
    prisma.admission.findFirst({
      where: { patientId, dischargedAt: null },
      orderBy: { admittedAt: "desc" },
      select: {
        id: true,
        admittedAt: true,
        attendingDoctor: { select: { id: true, name: true } },
        assignments: {
          where: { endsAt: null },
          take: 1,
          select: {
            bed: { select: { label: true, room: { select: { name: true, ward: { select: { name: true } } } } } },
          },
        },
      },
    }),
    prisma.appointment.findFirst({
      where: { patientId, startsAt: { gte: dayStart, lt: dayEnd }, status: { notIn: ["CANCELLED", "NO_SHOW"] } },
      orderBy: { startsAt: "asc" },
      select: { id: true, startsAt: true, status: true, doctor: { select: { id: true, name: true } } },
    }),
    clinical
      ? prisma.vitalSign.findFirst({
          where: { patientId },
          orderBy: [{ takenAt: "desc" }, { id: "desc" }],
          select: { takenAt: true, news2Score: true, news2Band: true, news2Reason: true },
        })
      : Promise.resolve(null),
  ]);
  const bed = admission?.assignments[0]?.bed;
  const dateOfBirth = p.dateOfBirth.toISOString().slice(0, 10);
  const age = ageOn(dateOfBirth, now);
  return {
    id: p.id,
    mrn: p.mrn,
    firstName: p.firstName,
    lastName: p.lastName,
    dateOfBirth,
    age,
    sex: p.sex,
    active: p.active,
    allergies: p.allergies.map(({ id, substance, reaction, severity }) => ({ id, substance, reaction, severity })),
    location: admission
      ? {
          kind: "admission",
          admissionId: admission.id,
          since: isoInZone(admission.admittedAt, zone),
          ward: bed?.room.ward.name ?? null,
          room: bed?.room.name ?? null,
          bed: bed?.label ?? null,
        }
      : visit
        ? { kind: "visit", appointmentId: visit.id, startsAt: isoInZone(visit.startsAt, zone), status: visit.status }
        : null,
    attending: admission?.attendingDoctor ?? visit?.doctor ?? null,
    news2: clinical ? bannerNews2(vital, { age, pregnant: p.pregnant }, zone) : null,
  };
}

function bannerNews2(
  v: { takenAt: Date; news2Score: number | null; news2Band: string | null; news2Reason: string | null } | null,
  patient: { age: number; pregnant: boolean },
  zone: string,
): PatientBannerData["news2"] {
  // Today's reasons first: a patient now under 16 or pregnant gets no score, whatever an older set says.
  const standing: News2Reason | null = patient.age < 16 ? "under 16" : patient.pregnant ? "pregnant" : null;
  const takenAt = v ? isoInZone(v.takenAt, zone) : null;
  if (standing) return { score: null, reason: standing, takenAt };
  if (!v) return { score: null, reason: "no vitals", takenAt: null };
  if (v.news2Score === null)
    return { score: null, reason: (v.news2Reason ?? "incomplete set") as News2Reason, takenAt };
  return { score: v.news2Score, band: v.news2Band as News2Band, takenAt: isoInZone(v.takenAt, zone) };
}

/**
 * The banner of a page about one patient that is not the chart (a consultation, a prescription, an
 * invoice…): the patient's record is opened for the actor (scope checked; one audit VIEW row marked
 * `view: "banner"`), then read as above. The page has already read its own record in scope.
 */
export async function bannerFor(prisma: Db, ctx: Ctx, patientId: string): Promise<PatientBannerData> {
  return patientBanner(prisma, await openChart(prisma, ctx, patientId, { details: { view: "banner" } }));
}

export type AllergyChip = PatientBannerData["allergies"][number];

/**
 * A patient's allergies alone, for a form about to act on them (the bed board's admit dialog): the
 * record is opened for the actor (the permission asked, scope checked, one audit VIEW row marked
 * `view: details.view`), and only the allergies are handed back.
 */
export async function patientAllergies(
  prisma: Db,
  ctx: Ctx,
  patientId: string,
  opts: { need?: Permission; view: string },
): Promise<AllergyChip[]> {
  const { patient: p } = chartOf(
    await openChart(prisma, ctx, patientId, { need: opts.need, details: { view: opts.view } }),
  );
  return p.allergies.map(({ id, substance, reaction, severity }) => ({ id, substance, reaction, severity }));
}
