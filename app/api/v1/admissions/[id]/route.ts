import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getAdmission } from "@/lib/wards/queries";

/** One admission with its bed history (audited read). */
export const GET = apiRoute<{ id: string }>("admission.manage", ({ ctx, params }) => getAdmission(db(), ctx, params.id));
