import type { RoleName } from "./fixtures";

// Every page and API route, with the roles that may open it. The matrix spec proves each allow and
// each deny; add a row with every new route.
const ALL: RoleName[] = ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST", "RECORDS_OFFICER", "PATIENT"];
const STAFF: RoleName[] = ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST", "RECORDS_OFFICER"];

export const PAGES: { path: string; roles: RoleName[] }[] = [
  { path: "/dashboard", roles: ALL },
  { path: "/account/password", roles: ALL },
  { path: "/patients", roles: STAFF },
];

export const API: { method: "GET" | "POST" | "DELETE"; path: string; roles: RoleName[]; okStatus?: number }[] = [
  { method: "GET", path: "/api/v1/stats", roles: ["ADMIN"] },
  { method: "GET", path: "/api/v1/patients", roles: STAFF },
  // An id that does not exist: the allowed role gets 404, the others 403 before any lookup.
  { method: "DELETE", path: "/api/v1/staff/no-such-user", roles: ["ADMIN"], okStatus: 404 },
];
