import { PAGING, defineOperation, queryOf } from "@/lib/server/contract";

// The databrowser operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getAdminDataByEntity: defineOperation({ method: "GET", path: "/admin/data/{entity}", tag: "admin", summary: "The data browser's list of one entity (`users`, `departments`, `patients`, `drugs`, `wards`, … as on /admin/data), its list columns only, references as `{ entity, id, label }` links; `?q=` searches its indexed text columns, its filters by column name (`?active=true`, `?patientId=`). Also needs the entity's own read permission. Read-only: edits use each entity's own route.", permission: "data.browse", query: queryOf([...PAGING]), list: true }),
  getAdminDataByEntityById: defineOperation({ method: "GET", path: "/admin/data/{entity}/{id}", tag: "admin", summary: "One record with every browsable field (never a password or token hash) and its audit history, newest first, with actor names (`?page=&pageSize=` page the history). Chart records: the read is audited.", permission: "data.browse", query: queryOf(["page","pageSize"]) }),
};
