import { PAGING, defineOperation, queryOf } from "@/lib/server/contract";
import { ZDeactivate, ZStaffCreate, ZStaffUpdate } from "./schemas";

// The staff operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getStaffById: defineOperation({ method: "GET", path: "/staff/{id}", tag: "staff", summary: "One staff by id.", permission: "staff.manage" }),
  patchStaffById: defineOperation({ method: "PATCH", path: "/staff/{id}", tag: "staff", summary: "Absent fields stay as they are; null clears an optional one.", permission: "staff.manage", body: ZStaffUpdate }),
  deleteStaffById: defineOperation({ method: "DELETE", path: "/staff/{id}", tag: "staff", summary: "Deactivates a staff account: sign-in refused and every session and token dead at once.", permission: "staff.manage", body: ZDeactivate, emptyBody: { reason: "Deactivated by an administrator" } }),
  getStaff: defineOperation({ method: "GET", path: "/staff", tag: "staff", summary: "`?q=&role=&departmentId=&page=&pageSize=&sort=`: staff accounts, active or not.", permission: "staff.manage", query: queryOf([...PAGING,"role","departmentId"]), list: true }),
  postStaff: defineOperation({ method: "POST", path: "/staff", idempotent: true, tag: "staff", summary: "Without `password`, an email invites the person to choose one.", permission: "staff.manage", body: ZStaffCreate, status: 201 }),
};
