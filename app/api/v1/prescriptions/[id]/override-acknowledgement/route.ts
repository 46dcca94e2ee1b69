import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { acknowledgeOverride } from "@/lib/pharmacy/service";
import { ops } from "@/lib/prescriptions/contract";

/**
 * No body. The pharmacist acknowledges the safety findings and the prescriber's override reason of
 * a prescription signed despite them (required before it can be dispensed): 201 with who and when;
 * 200 with the standing acknowledgement when already acknowledged. 409 INVALID_TRANSITION when the
 * prescription has no override.
 */
export const POST = apiRoute(ops.postPrescriptionsByIdOverrideAcknowledgement, async ({ ctx, params }) => {
  const { created, ...ack } = await acknowledgeOverride(db(), ctx, params.id);
  return NextResponse.json(ack, { status: created ? 201 : 200 });
});
