import { signConsultation } from "@/lib/clinical/service";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/clinical/contract";

/** The author signs; edits stay open to them until `lockedAt`. */
export const POST = apiRoute(ops.postConsultationsByIdSign, async ({ ctx, params }) =>
  signConsultation(db(), ctx, params.id),
);
