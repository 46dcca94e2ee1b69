import { ZResolveLink } from "@/lib/patients/duplicates-schemas";
import { resolveLinkRequest } from "@/lib/patients/link-requests";
import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";

/** `{ action: "link", patientId }` (one of the request's candidates) or `{ action: "new" }`. */
export const POST = apiRoute<{ id: string }>("patient.duplicates", async ({ req, ctx, params }) =>
  resolveLinkRequest(db(), ctx, params.id, await readJson(req, ZResolveLink)),
);
