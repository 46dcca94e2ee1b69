import { PAGING, defineOperation, queryOf } from "@/lib/server/contract";
import { ZDepartmentCreate, ZDepartmentUpdate } from "./schemas";

// The departments operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getDepartmentsById: defineOperation({ method: "GET", path: "/departments/{id}", tag: "departments", summary: "One department by id.", permission: "department.read" }),
  patchDepartmentsById: defineOperation({ method: "PATCH", path: "/departments/{id}", tag: "departments", summary: "`{ name?, description?, active? }`; `active: false` deactivates.", permission: "department.manage", body: ZDepartmentUpdate }),
  getDepartments: defineOperation({ method: "GET", path: "/departments", tag: "departments", summary: "Every signed-in user browses active departments; admins also see deactivated ones.", permission: "department.read", query: queryOf([...PAGING]), list: true }),
  postDepartments: defineOperation({ method: "POST", path: "/departments", idempotent: true, tag: "departments", summary: "Creates a department.", permission: "department.manage", body: ZDepartmentCreate, status: 201 }),
};
