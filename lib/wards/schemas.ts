import { z } from "zod";
import { MINOR_UNITS } from "@/lib/billing/money";
import { E } from "@/lib/i18n/error-keys";

const m = E.wards.errors;

export const WARD_TYPES = ["GENERAL", "SURGICAL", "MATERNITY", "PEDIATRIC", "ICU", "ISOLATION", "EMERGENCY"] as const;
export const ROOM_TYPES = ["SINGLE", "DOUBLE", "SHARED", "ICU", "ISOLATION"] as const;
export const BED_STATES = ["FREE", "OCCUPIED", "CLEANING", "OUT_OF_SERVICE"] as const;

const ZId = (message: string) => z.string({ error: message }).trim().min(1, message);
const ZName = (message: string) => z.string({ error: message }).trim().min(1, message).max(100, message);
const ZOptionalId = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => v || null);

// bedDayRate: the charge per bed-day in minor units of HOSPITAL_CURRENCY; null: not billed.
const ZRate = z
  .number({ error: m.rate })
  .int(m.rate)
  .min(0, m.rate)
  .max(100_000_000)
  .describe(MINOR_UNITS)
  .nullable()
  .optional();
// Routine observation frequency in hours (1–24; default 12): NEWS2 shortens it (lib/clinical/ranges.ts).
const ZObservationHours = z
  .number({ error: m.observationHours })
  .int(m.observationHours)
  .min(1, m.observationHours)
  .max(24, m.observationHours)
  .optional();
export const ZWard = z.object({
  name: ZName(m.name),
  type: z.enum(WARD_TYPES, { error: m.wardType }),
  departmentId: ZOptionalId,
  bedDayRate: ZRate,
  observationHours: ZObservationHours,
});
export type WardInput = z.infer<typeof ZWard>;
export const ZWardPatch = ZWard.partial().extend({ active: z.boolean().optional() });
export type WardPatch = z.infer<typeof ZWardPatch>;

const ZCapacity = z.number({ error: m.capacity }).int(m.capacity).min(1, m.capacity).max(20, m.capacity);
export const ZRoom = z.object({
  wardId: ZId(m.ward),
  name: ZName(m.name),
  type: z.enum(ROOM_TYPES, { error: m.roomType }),
  capacity: ZCapacity,
});
export type RoomInput = z.infer<typeof ZRoom>;
export const ZRoomPatch = ZRoom.omit({ wardId: true }).partial().extend({ active: z.boolean().optional() });
export type RoomPatch = z.infer<typeof ZRoomPatch>;

export const ZBed = z.object({ roomId: ZId(m.room), label: ZName(m.label) });
export type BedInput = z.infer<typeof ZBed>;
/** A bed's label and active flag (admins), or its state: only FREE (cleaned / back in service) or OUT_OF_SERVICE by hand. */
export const ZBedPatch = z.object({
  label: ZName(m.label).optional(),
  active: z.boolean().optional(),
  state: z.enum(["FREE", "OUT_OF_SERVICE"], { error: m.state }).optional(),
});
export type BedPatch = z.infer<typeof ZBedPatch>;

export const ZAdmit = z.object({
  patientId: ZId(m.patient),
  bedId: ZId(m.bed),
  attendingDoctorId: ZId(m.doctor),
  departmentId: ZOptionalId,
  reason: z.string({ error: m.reason }).trim().min(1, m.reason).max(1000, m.reason),
  // A number of days, or none (null or absent). The form sends a number (formNumber), never text.
  plannedStayDays: z
    .number({ error: m.plannedStay })
    .int(m.plannedStay)
    .min(1, m.plannedStay)
    .max(365, m.plannedStay)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  triageId: ZOptionalId,
});
export type AdmitInput = z.infer<typeof ZAdmit>;

export const ZTransfer = z.object({ bedId: ZId(m.bed) });
export const ZDischarge = z.object({
  summary: z.string({ error: m.summary }).trim().min(1, m.summary).max(5000, m.summary),
});

const ZDay = z
  .string({ error: m.date })
  .regex(/^\d{4}-\d{2}-\d{2}$/, m.date)
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    m.date,
  );

export const ZOccupancyRange = z
  .object({ from: ZDay, to: ZDay })
  .refine((r) => r.to >= r.from, { path: ["to"], message: m.range });

export const BOARD_FILTER_KEYS = ["wardId", "departmentId", "state"] as const;
export const ZBoardFilters = z.object({
  wardId: z.string().optional(),
  departmentId: z.string().optional(),
  state: z.enum(BED_STATES).optional().catch(undefined),
});
export type BoardFilters = z.infer<typeof ZBoardFilters>;

export const ADMISSION_FILTER_KEYS = ["status", "wardId", "doctorId", "patientId"] as const;
export const ZAdmissionFilters = z.object({
  status: z.enum(["live", "discharged"]).optional().catch(undefined),
  wardId: z.string().optional(),
  doctorId: z.string().optional(),
  patientId: z.string().optional(),
});
export type AdmissionFilters = z.infer<typeof ZAdmissionFilters>;

// Server-action inputs: the target id beside the body.
export const ZTransferAction = ZTransfer.extend({ admissionId: ZId(m.bed) });
export const ZDischargeAction = ZDischarge.extend({ admissionId: ZId(m.bed) });
export const ZBedStateAction = z.object({
  bedId: ZId(m.bed),
  state: z.enum(["FREE", "OUT_OF_SERVICE"], { error: m.state }),
});
