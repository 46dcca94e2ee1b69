import { z } from "zod";
import { ZAdjustBatch, ZReceiveBatch } from "./schemas";
import { PAGING, defineOperation, listOf, queryOf, zIso } from "@/lib/server/contract";
import { DRUG_FILTER_KEYS, ZDrugCreate, ZDrugUpdate } from "./schemas";

// The success bodies of its GETs (JSON as sent: dates are ISO strings).
const getDrugsByIdResponse = z.object({
  id: z.string(),
  genericName: z.string(),
  brandName: z.string().nullable(),
  form: z.string(),
  strength: z.string(),
  drugClass: z.string(),
  reorderLevel: z.number().int(),
  active: z.boolean(),
  onHand: z.number().int(),
  lowStock: z.boolean(),
});

const getDrugsByIdStockResponse = z.object({
  drugId: z.string(),
  onHand: z.number().int(),
  reorderLevel: z.number().int(),
  lowStock: z.boolean(),
  batches: z.array(
    z.object({
      id: z.string(),
      lot: z.string(),
      expiresOn: z.string(),
      quantity: z.number().int(),
      receivedAt: zIso,
      expired: z.boolean(),
    }),
  ),
});

const getDrugsResponse = listOf(
  z.object({
    id: z.string(),
    genericName: z.string(),
    brandName: z.string().nullable(),
    form: z.string(),
    strength: z.string(),
    drugClass: z.string(),
    reorderLevel: z.number().int(),
    active: z.boolean(),
    onHand: z.number().int(),
    lowStock: z.boolean(),
  }),
);

const getStockExpiringResponse = listOf(
  z.object({
    id: z.string(),
    drugId: z.string(),
    drug: z.string(),
    lot: z.string(),
    expiresOn: z.string(),
    quantity: z.number().int(),
    expired: z.boolean(),
    daysLeft: z.number().int(),
  }),
);

/** A catalogue entry as created (the row: price per unit in minor units, null: not billed). */
const ZDrugCreated = z.object({
  id: z.string(),
  genericName: z.string(),
  brandName: z.string().nullable(),
  form: z.string(),
  strength: z.string(),
  drugClass: z.string(),
  unitPrice: z.number().int().nullable(),
  reorderLevel: z.number().int(),
  active: z.boolean(),
  createdAt: zIso,
  updatedAt: zIso,
});

/** A stock batch as received or adjusted (the row: `expiresOn` is that day's midnight UTC). */
const ZStockBatch = z.object({
  id: z.string(),
  drugId: z.string(),
  lot: z.string(),
  expiresOn: zIso,
  quantity: z.number().int().min(0),
  receivedAt: zIso,
});

// The pharmacy operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getDrugsById: defineOperation({
    response: getDrugsByIdResponse,
    method: "GET",
    path: "/drugs/{id}",
    tag: "drugs",
    summary: "The drug with its units on hand (batches: GET /drugs/{id}/stock).",
    permission: "drug.read",
  }),
  patchDrugsById: defineOperation({
    response: getDrugsByIdResponse,
    method: "PATCH",
    path: "/drugs/{id}",
    tag: "drugs",
    summary: "Edits any field; `{ active: false }` withdraws the drug (drugs are never deleted).",
    permission: "pharmacy.stock",
    body: ZDrugUpdate,
  }),
  getDrugsByIdStock: defineOperation({
    response: getDrugsByIdStockResponse,
    method: "GET",
    path: "/drugs/{id}/stock",
    tag: "drugs",
    summary: "`{ onHand, reorderLevel, lowStock, batches: [{ id, lot, expiresOn, quantity, receivedAt, expired }] }`.",
    permission: "drug.read",
  }),
  postDrugsByIdStock: defineOperation({
    response: ZStockBatch,
    method: "POST",
    path: "/drugs/{id}/stock",
    idempotent: true,
    body: z.union([ZReceiveBatch, ZAdjustBatch]),
    rawBody: true,
    tag: "drugs",
    summary:
      "`{ lot, expiresOn, quantity }` receives a batch (201); `{ batchId, delta, reason }` adjusts one (200). A batch never goes below zero (400 VALIDATION_FAILED on `delta`).",
    permission: "pharmacy.stock",
    status: 201,
    otherStatuses: [200],
  }),
  getDrugs: defineOperation({
    response: getDrugsResponse,
    method: "GET",
    path: "/drugs",
    tag: "drugs",
    summary: "`?q=&drugClass=&lowStock=true&active=true|false&page=&pageSize=`: the catalogue with units on hand.",
    permission: "drug.read",
    query: queryOf([...PAGING, ...DRUG_FILTER_KEYS]),
    list: true,
  }),
  postDrugs: defineOperation({
    response: ZDrugCreated,
    errors: [409],
    method: "POST",
    path: "/drugs",
    idempotent: true,
    tag: "drugs",
    summary: "Adds a drug; the same generic name, form and strength twice → 409 DUPLICATE.",
    permission: "pharmacy.stock",
    body: ZDrugCreate,
    status: 201,
  }),
  getStockExpiring: defineOperation({
    response: getStockExpiringResponse,
    method: "GET",
    path: "/stock/expiring",
    tag: "drugs",
    summary:
      "`?days=60`: batches with units left expiring within that many days, expired ones included (`expired: true`), soonest first.",
    permission: "pharmacy.stock",
    query: queryOf([...PAGING, "days"]),
    list: true,
  }),
};
