import { z } from "zod";
import { PAGING, defineOperation, listOf, queryOf } from "@/lib/server/contract";
import { ZDepartmentCreate, ZDepartmentUpdate } from "./schemas";

// The success bodies of its GETs (JSON as sent: dates are ISO strings).
/** A department as listed, shown and written (lib/departments/queries.ts DepartmentRow). */
const ZDepartment = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
  staffCount: z.number().int(),
});
const getDepartmentsByIdResponse = ZDepartment;

const getDepartmentsResponse = listOf(ZDepartment);

// The departments operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getDepartmentsById: defineOperation({
    response: getDepartmentsByIdResponse,
    method: "GET",
    path: "/departments/{id}",
    tag: "departments",
    summary: "One department by id.",
    permission: "department.read",
  }),
  patchDepartmentsById: defineOperation({
    response: ZDepartment,
    method: "PATCH",
    path: "/departments/{id}",
    tag: "departments",
    summary: "`{ name?, description?, active? }`; `active: false` deactivates.",
    permission: "department.manage",
    body: ZDepartmentUpdate,
  }),
  getDepartments: defineOperation({
    response: getDepartmentsResponse,
    method: "GET",
    path: "/departments",
    tag: "departments",
    summary: "Every signed-in user browses active departments; admins also see deactivated ones.",
    permission: "department.read",
    query: queryOf([...PAGING]),
    list: true,
  }),
  postDepartments: defineOperation({
    response: ZDepartment,
    method: "POST",
    path: "/departments",
    idempotent: true,
    tag: "departments",
    summary: "Creates a department.",
    permission: "department.manage",
    body: ZDepartmentCreate,
    status: 201,
  }),
};
