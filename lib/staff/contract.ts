import { z } from "zod";
import { PAGING, defineOperation, listOf, queryOf, zIso } from "@/lib/server/contract";
import { ZDeactivate, ZStaffCreate, ZStaffUpdate } from "./schemas";

// The success bodies of its GETs (JSON as sent: dates are ISO strings).
const getStaffByIdResponse = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  active: z.boolean(),
  createdAt: zIso,
  hasPassword: z.boolean(),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  specialty: z.string().nullable(),
  qualification: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  yearsOfExperience: z.number().int().nullable(),
  consultationFee: z.number().int().nullable(),
});

const getStaffResponse = listOf(
  z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.string(),
    active: z.boolean(),
    department: z
      .object({
        id: z.string(),
        name: z.string(),
      })
      .nullable(),
    specialty: z.string().nullable(),
  }),
);

// The staff operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getStaffById: defineOperation({
    response: getStaffByIdResponse,
    method: "GET",
    path: "/staff/{id}",
    tag: "staff",
    summary: "One staff by id.",
    permission: "staff.manage",
  }),
  patchStaffById: defineOperation({
    response: getStaffByIdResponse,
    method: "PATCH",
    path: "/staff/{id}",
    tag: "staff",
    summary: "Absent fields stay as they are; null clears an optional one.",
    permission: "staff.manage",
    body: ZStaffUpdate,
  }),
  deleteStaffById: defineOperation({
    status: 204,
    method: "DELETE",
    path: "/staff/{id}",
    tag: "staff",
    summary: "Deactivates a staff account: sign-in refused and every session and token dead at once.",
    permission: "staff.manage",
    body: ZDeactivate,
    emptyBody: { reason: "Deactivated by an administrator" },
  }),
  getStaff: defineOperation({
    response: getStaffResponse,
    method: "GET",
    path: "/staff",
    tag: "staff",
    summary: "`?q=&role=&departmentId=&page=&pageSize=&sort=`: staff accounts, active or not.",
    permission: "staff.manage",
    query: queryOf([...PAGING, "role", "departmentId"]),
    list: true,
  }),
  postStaff: defineOperation({
    response: getStaffByIdResponse,
    method: "POST",
    path: "/staff",
    idempotent: true,
    tag: "staff",
    summary: "Without `password`, an email invites the person to choose one.",
    permission: "staff.manage",
    body: ZStaffCreate,
    status: 201,
  }),
};
