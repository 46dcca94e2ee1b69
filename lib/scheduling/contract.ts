import { PAGING, defineOperation, queryOf } from "@/lib/server/contract";
import { APPOINTMENT_FILTER_KEYS, ZAppointmentChange, ZAvailability, ZBook } from "./schemas";

// The scheduling operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getAppointmentsById: defineOperation({ method: "GET", path: "/appointments/{id}", tag: "appointments", summary: "One appointment by id.", permission: "appointment.read" }),
  patchAppointmentsById: defineOperation({ method: "PATCH", path: "/appointments/{id}", tag: "appointments", summary: "`{ startsAt }` reschedules; `{ status, reason? }` moves the lifecycle (illegal moves: 409 INVALID_TRANSITION; checking in before the visit's day and `CHECKIN_WINDOW_MINUTES` before its start, or completing or marking a no-show before it starts: 409 TOO_EARLY; checking in after its day: 409 TOO_LATE).", permission: "appointment.book", body: ZAppointmentChange }),
  getAppointments: defineOperation({ method: "GET", path: "/appointments", tag: "appointments", summary: "`?status=&doctorId=&patientId=&departmentId=&from=&to=&sort=startsAt|-startsAt`, scoped to the caller.", permission: "appointment.read", query: queryOf([...PAGING, ...APPOINTMENT_FILTER_KEYS]), list: true }),
  postAppointments: defineOperation({ method: "POST", path: "/appointments", idempotent: true, tag: "appointments", summary: "Books a slot; `409 SLOT_TAKEN` when the doctor or the patient is already booked then.", permission: "appointment.book", body: ZBook, status: 201 }),
  getDoctorsByIdAvailability: defineOperation({ method: "GET", path: "/doctors/{id}/availability", tag: "doctors", summary: "The availability.", permission: "doctor.search" }),
  putDoctorsByIdAvailability: defineOperation({ method: "PUT", path: "/doctors/{id}/availability", tag: "doctors", summary: "Replaces the doctor's weekly hours, slot length and exceptions (doctors: their own only).", permission: "availability.manage", body: ZAvailability }),
  getDoctorsByIdSlots: defineOperation({ method: "GET", path: "/doctors/{id}/slots", tag: "doctors", summary: "`?date=YYYY-MM-DD` (default today): the doctor's slots that day, each free or taken.", permission: "doctor.search", list: true, query: queryOf(["date", "page", "pageSize"]) }),
  getDoctors: defineOperation({ method: "GET", path: "/doctors", tag: "doctors", summary: "`?q=&specialty=&departmentId=&availableOn=YYYY-MM-DD`: active doctors, for every signed-in user.", permission: "doctor.search", query: queryOf([...PAGING,"specialty","departmentId","availableOn"]), list: true }),
};
