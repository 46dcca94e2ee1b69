import { resolveLinkRequest } from "@/lib/patients/link-requests";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/patients/contract";

/** `{ action: "link", patientId }` (one of the request's candidates) or `{ action: "new" }`. */
export const POST = apiRoute(ops.postPatientsLinkRequestsByIdResolve, async ({ ctx, params, body }) =>
  resolveLinkRequest(db(), ctx, params.id, body),
);
