import { z } from "zod";
import { PAGING, defineOperation, listOf, queryOf, zIso } from "@/lib/server/contract";
import { APPOINTMENT_FILTER_KEYS, ZAppointmentChange, ZAvailability, ZBook } from "./schemas";

// The success bodies of its GETs (JSON as sent: dates are ISO strings).

const getDoctorsByIdAvailabilityResponse = z.object({
  slotMinutes: z.number().int(),
  weekly: z.array(
    z.object({
      weekday: z.number().int(),
      start: z.string(),
      end: z.string(),
    }),
  ),
  exceptions: z.array(
    z
      .object({ date: z.string(), start: z.string().optional(), end: z.string().optional() })
      .describe("No start/end: the whole day off."),
  ),
});

const getDoctorsByIdSlotsResponse = listOf(
  z.object({
    startsAt: zIso,
    endsAt: zIso,
    free: z.boolean(),
  }),
);

const getDoctorsResponse = listOf(
  z.object({
    id: z.string(),
    name: z.string(),
    specialty: z.string().nullable(),
    qualification: z.string().nullable(),
    yearsOfExperience: z.number().int().nullable(),
    consultationFee: z.number().int().nullable(),
    department: z
      .object({
        id: z.string(),
        name: z.string(),
      })
      .nullable(),
  }),
);

/** One appointment as the API shows it (times in the hospital's zone, with their offset). */
export const ZAppointmentView = z.object({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(["BOOKED", "CHECKED_IN", "COMPLETED", "CANCELLED", "NO_SHOW"]),
  reason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  patient: z.object({ id: z.string(), mrn: z.string(), name: z.string() }),
  doctor: z.object({
    id: z.string(),
    name: z.string(),
    specialty: z.string().nullable(),
    department: z.string().nullable(),
  }),
});

// The scheduling operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getAppointmentsById: defineOperation({
    response: ZAppointmentView,
    method: "GET",
    path: "/appointments/{id}",
    tag: "appointments",
    summary: "One appointment by id.",
    permission: "appointment.read",
  }),
  patchAppointmentsById: defineOperation({
    response: ZAppointmentView,
    errors: [409],
    method: "PATCH",
    path: "/appointments/{id}",
    tag: "appointments",
    summary:
      "`{ startsAt }` reschedules; `{ status, reason? }` moves the lifecycle (illegal moves: 409 INVALID_TRANSITION; checking in before the visit's day and `CHECKIN_WINDOW_MINUTES` before its start, or completing or marking a no-show before it starts: 409 TOO_EARLY; checking in after its day: 409 TOO_LATE).",
    permission: "appointment.book",
    body: ZAppointmentChange,
  }),
  getAppointments: defineOperation({
    response: listOf(ZAppointmentView),
    method: "GET",
    path: "/appointments",
    tag: "appointments",
    summary: "`?status=&doctorId=&patientId=&departmentId=&from=&to=&sort=startsAt|-startsAt`, scoped to the caller.",
    permission: "appointment.read",
    query: queryOf([...PAGING, ...APPOINTMENT_FILTER_KEYS]),
    list: true,
  }),
  postAppointments: defineOperation({
    examples: {
      request: {
        patientId: "cmf3x2p0k0001qz8r5t6y7u8i",
        doctorId: "cmf3x2p0k0002qz8r1a2b3c4d",
        startsAt: "2026-12-14T09:30:00.000Z",
        reason: "Chest pain on exertion",
      },
    },
    response: ZAppointmentView,
    errors: [409],
    method: "POST",
    path: "/appointments",
    idempotent: true,
    tag: "appointments",
    summary: "Books a slot; `409 SLOT_TAKEN` when the doctor or the patient is already booked then.",
    permission: "appointment.book",
    body: ZBook,
    status: 201,
  }),
  getDoctorsByIdAvailability: defineOperation({
    response: getDoctorsByIdAvailabilityResponse,
    method: "GET",
    path: "/doctors/{id}/availability",
    tag: "doctors",
    summary: "The availability.",
    permission: "doctor.search",
  }),
  putDoctorsByIdAvailability: defineOperation({
    response: getDoctorsByIdAvailabilityResponse,
    method: "PUT",
    path: "/doctors/{id}/availability",
    tag: "doctors",
    summary: "Replaces the doctor's weekly hours, slot length and exceptions (doctors: their own only).",
    permission: "availability.manage",
    body: ZAvailability,
  }),
  getDoctorsByIdSlots: defineOperation({
    response: getDoctorsByIdSlotsResponse,
    method: "GET",
    path: "/doctors/{id}/slots",
    tag: "doctors",
    summary: "`?date=YYYY-MM-DD` (default today): the doctor's slots that day, each free or taken.",
    permission: "doctor.search",
    list: true,
    query: queryOf(["date", "page", "pageSize"]),
  }),
  getDoctors: defineOperation({
    response: getDoctorsResponse,
    method: "GET",
    path: "/doctors",
    tag: "doctors",
    summary: "`?q=&specialty=&departmentId=&availableOn=YYYY-MM-DD`: active doctors, for every signed-in user.",
    permission: "doctor.search",
    query: queryOf([...PAGING, "specialty", "departmentId", "availableOn"]),
    list: true,
  }),
};
