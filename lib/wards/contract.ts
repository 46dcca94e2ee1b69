import { z } from "zod";
import { PAGING, defineOperation, listOf, queryOf, zIso } from "@/lib/server/contract";
import {
  ADMISSION_FILTER_KEYS,
  ZAdmit,
  ZBed,
  ZBedPatch,
  ZDischarge,
  ZRoom,
  ZRoomPatch,
  ZTransfer,
  ZWard,
  ZWardPatch,
} from "./schemas";

// The success bodies of its GETs (JSON as sent: dates are ISO strings).
const ZBedStay = z.object({
  id: z.string(),
  bedId: z.string(),
  place: z.string(),
  startsAt: zIso,
  endsAt: zIso.nullable(),
});
/** One admission (lib/wards/queries.ts admissionView); `reason` and `dischargeSummary` absent for roles without clinical access. */
const ZAdmission = z.object({
  id: z.string(),
  plannedStayDays: z.number().int().nullable(),
  admittedAt: zIso,
  dischargedAt: zIso.nullable(),
  triageId: z.string().nullable(),
  patient: z.object({
    id: z.string(),
    mrn: z.string(),
    name: z.string(),
  }),
  attendingDoctor: z.object({
    id: z.string(),
    name: z.string(),
  }),
  department: z
    .object({
      id: z.string(),
      name: z.string(),
    })
    .nullable(),
  reason: z.string().optional(),
  dischargeSummary: z.string().nullable().optional(),
  assignments: z.array(ZBedStay),
  status: z.enum(["live", "discharged"]),
  currentBed: ZBedStay.nullable().describe("null once discharged."),
});
const getAdmissionsByIdResponse = ZAdmission;

const getAdmissionsResponse = listOf(ZAdmission);

const getBedsResponse = listOf(
  z.object({
    id: z.string(),
    label: z.string(),
    state: z.string(),
    stateChangedAt: zIso,
    active: z.boolean(),
    room: z.object({
      id: z.string(),
      name: z.string(),
      ward: z.object({
        id: z.string(),
        name: z.string(),
      }),
    }),
  }),
  {
    occupancy: z.object({
      total: z.number().int(),
      occupied: z.number().int(),
      free: z.number().int(),
      cleaning: z.number().int(),
      outOfService: z.number().int(),
      occupancyPct: z.number(),
    }),
  },
);

const getRoomsResponse = listOf(
  z.object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    capacity: z.number().int(),
    active: z.boolean(),
    ward: z.object({
      id: z.string(),
      name: z.string(),
    }),
    occupancy: z.object({
      total: z.number().int(),
      occupied: z.number().int(),
      free: z.number().int(),
      cleaning: z.number().int(),
      outOfService: z.number().int(),
      occupancyPct: z.number(),
    }),
  }),
);

const getWardsResponse = listOf(
  z.object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    active: z.boolean(),
    department: z
      .object({
        id: z.string(),
        name: z.string(),
      })
      .nullable(),
    occupancy: z.object({
      total: z.number().int(),
      occupied: z.number().int(),
      free: z.number().int(),
      cleaning: z.number().int(),
      outOfService: z.number().int(),
      occupancyPct: z.number(),
    }),
  }),
);

/** A ward as written (the row: bed-day rate in minor units, null: not billed). */
const ZWardRow = z.object({
  id: z.string(),
  name: z.string(),
  departmentId: z.string().nullable(),
  type: z.enum(["GENERAL", "SURGICAL", "MATERNITY", "PEDIATRIC", "ICU", "ISOLATION", "EMERGENCY"]),
  bedDayRate: z.number().int().nullable(),
  observationHours: z.number().int(),
  active: z.boolean(),
  createdAt: zIso,
  updatedAt: zIso,
});
/** A room as written (the row). */
const ZRoomRow = z.object({
  id: z.string(),
  wardId: z.string(),
  name: z.string(),
  type: z.enum(["SINGLE", "DOUBLE", "SHARED", "ICU", "ISOLATION"]),
  capacity: z.number().int(),
  active: z.boolean(),
  createdAt: zIso,
  updatedAt: zIso,
});
/** A bed as written (the row). */
const ZBedRow = z.object({
  id: z.string(),
  roomId: z.string(),
  label: z.string(),
  state: z.enum(["FREE", "OCCUPIED", "CLEANING", "OUT_OF_SERVICE"]),
  stateChangedAt: zIso,
  active: z.boolean(),
  createdAt: zIso,
});

// The wards operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  postAdmissionsByIdDischarge: defineOperation({
    response: getAdmissionsByIdResponse,
    errors: [409],
    method: "POST",
    path: "/admissions/{id}/discharge",
    idempotent: true,
    tag: "admissions",
    summary: "`{ summary }`: ends the admission; the bed goes to CLEANING and the attending doctor is told.",
    permission: "admission.manage",
    body: ZDischarge,
  }),
  getAdmissionsById: defineOperation({
    response: getAdmissionsByIdResponse,
    method: "GET",
    path: "/admissions/{id}",
    tag: "admissions",
    summary: "One admission with its bed history (audited read).",
    permission: "admission.manage",
  }),
  postAdmissionsByIdTransfer: defineOperation({
    response: getAdmissionsByIdResponse,
    errors: [409],
    method: "POST",
    path: "/admissions/{id}/transfer",
    idempotent: true,
    tag: "admissions",
    summary:
      "`{ bedId }`: the old bed goes to CLEANING in the same transaction; a discharged admission → 409 INVALID_TRANSITION.",
    permission: "admission.manage",
    body: ZTransfer,
  }),
  getAdmissions: defineOperation({
    response: getAdmissionsResponse,
    method: "GET",
    path: "/admissions",
    tag: "admissions",
    summary:
      "`?status=live|discharged&wardId=&doctorId=&patientId=&page=&pageSize=`, newest first. `reason` and `dischargeSummary` are left out for roles without clinical access (records officers).",
    permission: "admission.manage",
    query: queryOf([...PAGING, ...ADMISSION_FILTER_KEYS]),
    list: true,
  }),
  postAdmissions: defineOperation({
    response: getAdmissionsByIdResponse,
    examples: {
      request: {
        patientId: "cmf3x2p0k0001qz8r5t6y7u8i",
        bedId: "cmf3x2p0k0004qz8r5j4k3l2m",
        attendingDoctorId: "cmf3x2p0k0002qz8r1a2b3c4d",
        reason: "Community-acquired pneumonia",
        plannedStayDays: 5,
      },
    },
    errors: [409],
    method: "POST",
    path: "/admissions",
    idempotent: true,
    tag: "admissions",
    summary:
      "`{ patientId, bedId, attendingDoctorId, departmentId?, reason, plannedStayDays?, triageId? }`; `409 BED_OCCUPIED` whatever the concurrency.",
    permission: "admission.manage",
    body: ZAdmit,
    status: 201,
  }),
  patchBedsById: defineOperation({
    response: ZBedRow,
    errors: [409],
    method: "PATCH",
    path: "/beds/{id}",
    tag: "beds",
    summary:
      "`{ state: FREE | OUT_OF_SERVICE }` (nurses and admins: mark clean, out of service, back in service; an occupied bed → 409 INVALID_TRANSITION); `{ label?, active? }` admins only (beds are never deleted).",
    permission: "bed.state",
    body: ZBedPatch,
  }),
  getBeds: defineOperation({
    response: getBedsResponse,
    method: "GET",
    path: "/beds",
    tag: "beds",
    summary:
      "`?wardId=&roomId=&state=&q=&page=&pageSize=`: one page of beds by ward, room and label (`q`: label, room or ward name contains, case-insensitive) with their state; besides the list envelope, `occupancy` counts every matching active bed (all pages).",
    permission: "ward.read",
    query: queryOf(["q", "page", "pageSize", "wardId", "roomId", "state"]),
    list: true,
  }),
  postBeds: defineOperation({
    response: ZBedRow,
    method: "POST",
    path: "/beds",
    idempotent: true,
    tag: "beds",
    summary: "`{ roomId, label }`.",
    permission: "ward.manage",
    body: ZBed,
    status: 201,
  }),
  patchRoomsById: defineOperation({
    response: ZRoomRow,
    method: "PATCH",
    path: "/rooms/{id}",
    tag: "rooms",
    summary: "`{ name?, type?, capacity?, active? }`.",
    permission: "ward.manage",
    body: ZRoomPatch,
  }),
  getRooms: defineOperation({
    response: getRoomsResponse,
    method: "GET",
    path: "/rooms",
    tag: "rooms",
    summary:
      "`?wardId=&q=&page=&pageSize=`: one page of rooms by ward and name (`q`: name contains, case-insensitive), each with the occupancy of its active beds.",
    permission: "ward.read",
    query: queryOf(["q", "page", "pageSize", "wardId"]),
    list: true,
  }),
  postRooms: defineOperation({
    response: ZRoomRow,
    method: "POST",
    path: "/rooms",
    idempotent: true,
    tag: "rooms",
    summary: "`{ wardId, name, type, capacity }`.",
    permission: "ward.manage",
    body: ZRoom,
    status: 201,
  }),
  patchWardsById: defineOperation({
    response: ZWardRow,
    method: "PATCH",
    path: "/wards/{id}",
    tag: "wards",
    summary: "`{ name?, type?, departmentId?, active? }`: wards are deactivated, never deleted.",
    permission: "ward.manage",
    body: ZWardPatch,
  }),
  getWards: defineOperation({
    response: getWardsResponse,
    method: "GET",
    path: "/wards",
    tag: "wards",
    summary:
      "`?q=&page=&pageSize=`: one page of active wards by name (`q`: name contains, case-insensitive), each with its department and occupancy (beds total / occupied / free / cleaning / out of service, %).",
    permission: "ward.read",
    query: queryOf(["q", "page", "pageSize"]),
    list: true,
  }),
  postWards: defineOperation({
    response: ZWardRow,
    method: "POST",
    path: "/wards",
    idempotent: true,
    tag: "wards",
    summary: "`{ name, type, departmentId? }`.",
    permission: "ward.manage",
    body: ZWard,
    status: 201,
  }),
};
