import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getAdmission } from "@/lib/wards/queries";
import { ops } from "@/lib/wards/contract";

/** One admission with its bed history (audited read). */
export const GET = apiRoute(ops.getAdmissionsById, ({ ctx, params }) => getAdmission(db(), ctx, params.id));
