import { z } from "zod";
import { ZAuditEvent } from "@/lib/audit/contract";
import { PAGING, defineOperation, listOf, queryOf, zIso } from "@/lib/server/contract";

// The success bodies of its GETs (JSON as sent: dates are ISO strings).
const getAdminDataByEntityResponse = listOf(
  z.object({
    id: z.string(),
    label: z.string(),
    values: z.object({
      mrn: z.string(),
      lastName: z.string(),
      firstName: z.string(),
      dateOfBirth: zIso,
      sex: z.string(),
      active: z.boolean(),
    }),
    links: z.object({}),
  }),
);

const getAdminDataByEntityByIdResponse = z.object({
  entity: z.string(),
  editable: z.boolean(),
  id: z.string(),
  label: z.string(),
  values: z.object({
    mrn: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    dateOfBirth: zIso,
    sex: z.string(),
    nationalId: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string(),
    address: z.string().nullable(),
    emergencyContactName: z.string().nullable(),
    emergencyContactPhone: z.string().nullable(),
    emergencyContactRelation: z.string().nullable(),
    bloodGroup: z.string().nullable(),
    medicalHistory: z.string().nullable(),
    userId: z.string(),
    active: z.boolean(),
    deactivatedAt: zIso.nullable(),
    deactivationReason: z.string().nullable(),
    createdAt: zIso,
    updatedAt: zIso,
  }),
  links: z.object({
    userId: z.object({
      entity: z.string(),
      id: z.string(),
      label: z.string(),
    }),
  }),
  history: listOf(ZAuditEvent).describe("The record's audit trail, newest first."),
});

// The databrowser operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getAdminDataByEntity: defineOperation({
    response: getAdminDataByEntityResponse,
    method: "GET",
    path: "/admin/data/{entity}",
    tag: "admin",
    summary:
      "The data browser's list of one entity (`users`, `departments`, `patients`, `drugs`, `wards`, … as on /admin/data), its list columns only, references as `{ entity, id, label }` links; `?q=` searches its indexed text columns, its filters by column name (`?active=true`, `?patientId=`). Also needs the entity's own read permission. Read-only: edits use each entity's own route.",
    permission: "data.browse",
    query: queryOf([...PAGING]),
    list: true,
  }),
  getAdminDataByEntityById: defineOperation({
    response: getAdminDataByEntityByIdResponse,
    method: "GET",
    path: "/admin/data/{entity}/{id}",
    tag: "admin",
    summary:
      "One record with every browsable field (never a password or token hash) and its audit history, newest first, with actor names (`?page=&pageSize=` page the history). Chart records: the read is audited.",
    permission: "data.browse",
    query: queryOf(["page", "pageSize"]),
  }),
};
