import { NextResponse } from "next/server";
import { readPatient } from "@/lib/patients/queries";
import { deactivatePatient, updatePatient } from "@/lib/patients/service";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/patients/contract";

export const GET = apiRoute(ops.getPatientsById, ({ ctx, params }) => readPatient(db(), ctx, params.id));

export const PATCH = apiRoute(ops.patchPatientsById, async ({ ctx, params, body }) => {
  const input = body;
  await updatePatient(db(), ctx, params.id, input);
  return readPatient(db(), ctx, params.id);
});

/** Deactivates (soft delete) with a reason; the record and its history stay. */
export const DELETE = apiRoute(ops.deletePatientsById, async ({ ctx, params, body }) => {
  const { reason } = body;
  await deactivatePatient(db(), ctx, params.id, reason);
  return new NextResponse(null, { status: 204 });
});
