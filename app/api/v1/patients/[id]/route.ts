import { NextResponse } from "next/server";
import { readPatient } from "@/lib/patients/queries";
import { ZDeactivatePatient, ZUpdatePatient } from "@/lib/patients/schemas";
import { deactivatePatient, updatePatient } from "@/lib/patients/service";
import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";

type P = { id: string };

export const GET = apiRoute<P>("patient.read", ({ ctx, params }) => readPatient(db(), ctx, params.id));

export const PATCH = apiRoute<P>("patient.register", async ({ req, ctx, params }) => {
  const input = await readJson(req, ZUpdatePatient);
  await updatePatient(db(), ctx, params.id, input);
  return readPatient(db(), ctx, params.id);
});

/** Deactivates (soft delete) with a reason; the record and its history stay. */
export const DELETE = apiRoute<P>("patient.deactivate", async ({ req, ctx, params }) => {
  const { reason } = await readJson(req, ZDeactivatePatient);
  await deactivatePatient(db(), ctx, params.id, reason);
  return new NextResponse(null, { status: 204 });
});
