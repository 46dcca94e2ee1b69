import { z } from "zod";
import { toMinutes } from "./time";
import { E } from "@/lib/i18n/error-keys";

const m = E.scheduling.errors;

const ZTime = z.string({ error: m.time }).regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, m.time);
export const ZDate = z
  .string({ error: m.date })
  .regex(/^\d{4}-\d{2}-\d{2}$/, m.date)
  .refine(
    (s) =>
      !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime()) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    m.date,
  );

const ZRange = z
  .object({ start: ZTime, end: ZTime })
  .refine((r) => toMinutes(r.end) > toMinutes(r.start), { path: ["end"], message: m.endAfterStart });

const overlaps = (ranges: { start: string; end: string }[]) => {
  const sorted = ranges.map((r) => [toMinutes(r.start), toMinutes(r.end)]).sort((a, b) => a[0] - b[0]);
  return sorted.some((r, i) => i > 0 && r[0] < sorted[i - 1][1]);
};

export const ZAvailability = z
  .object({
    slotMinutes: z.number({ error: m.slot }).int(m.slot).min(5, m.slot).max(240, m.slot),
    weekly: z
      .array(
        ZRange.and(z.object({ weekday: z.number({ error: m.weekday }).int().min(0, m.weekday).max(6, m.weekday) })),
      )
      .max(50),
    exceptions: z
      .array(
        z
          .object({ date: ZDate, start: ZTime.optional(), end: ZTime.optional() })
          .refine((e) => (e.start === undefined) === (e.end === undefined), { path: ["end"], message: m.bothOrNeither })
          .refine((e) => !e.start || !e.end || toMinutes(e.end) > toMinutes(e.start), {
            path: ["end"],
            message: m.endAfterStart,
          }),
      )
      .max(200)
      .default([]),
  })
  .superRefine((v, ctx) => {
    for (let d = 0; d < 7; d++) {
      if (overlaps(v.weekly.filter((w) => w.weekday === d)))
        ctx.addIssue({ code: "custom", path: ["weekly"], message: m.overlap });
    }
    const dates = new Set(v.exceptions.map((e) => e.date));
    for (const date of dates) {
      const sameDay = v.exceptions.filter((e) => e.date === date);
      if (sameDay.some((e) => !e.start) && sameDay.length > 1)
        ctx.addIssue({ code: "custom", path: ["exceptions"], message: m.closedAndOpen(date) });
      if (overlaps(sameDay.filter((e): e is { date: string; start: string; end: string } => !!e.start && !!e.end)))
        ctx.addIssue({ code: "custom", path: ["exceptions"], message: m.overlap });
    }
  });
export type AvailabilityInput = z.infer<typeof ZAvailability>;

/** An instant with an explicit offset (or Z), as the API's conventions require. */
export const ZInstant = z
  .string({ error: m.instant })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, m.instant)
  .refine((s) => !Number.isNaN(Date.parse(s)), m.instant)
  .transform((s) => new Date(s));

export const ZBook = z.object({
  patientId: z.string().min(1).optional(),
  doctorId: z.string({ error: m.doctor }).min(1, m.doctor),
  startsAt: ZInstant,
  reason: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((v) => v || undefined),
});
export type BookInput = z.infer<typeof ZBook>;

export const STATUSES = ["BOOKED", "CHECKED_IN", "COMPLETED", "CANCELLED", "NO_SHOW"] as const;
export type Status = (typeof STATUSES)[number];

export const ZAppointmentChange = z.union(
  [
    z.object({ startsAt: ZInstant }).strict(),
    z
      .object({
        status: z.enum(["CHECKED_IN", "COMPLETED", "CANCELLED", "NO_SHOW"], m.status),
        reason: z.string().trim().max(500).optional(),
      })
      .strict()
      .refine((v) => v.status !== "CANCELLED" || (v.reason && v.reason.length >= 3), {
        path: ["reason"],
        message: m.cancelReason,
      }),
  ],
  { error: m.change },
);
export type AppointmentChange = z.infer<typeof ZAppointmentChange>;

/** List filters, shared by GET /appointments and the appointments page. Dates are local; `to` is inclusive. */
export const ZAppointmentFilters = z.object({
  status: z.enum(STATUSES).optional(),
  doctorId: z.string().min(1).optional(),
  patientId: z.string().min(1).optional(),
  departmentId: z.string().min(1).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
});
export type AppointmentFilters = z.infer<typeof ZAppointmentFilters>;
export const APPOINTMENT_FILTER_KEYS = ["status", "doctorId", "patientId", "departmentId", "from", "to"] as const;

/** Server actions: which appointment, and the change (the API's PATCH body). */
export const ZAppointmentAction = z.object({ id: z.string().min(1), change: ZAppointmentChange });
export const ZAvailabilityAction = z.object({ doctorId: z.string().min(1) }).and(ZAvailability);
export const ZPatientLookup = z.object({ q: z.string().trim().min(1).max(100) });
