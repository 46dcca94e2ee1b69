import { readLinkRequests } from "@/lib/patients/link-requests";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/patients/contract";

/** Self-registered accounts waiting for a link to their record, oldest first, with their candidate records (audited). */
export const GET = apiRoute(ops.getPatientsLinkRequests, async ({ ctx }) => ({
  items: await readLinkRequests(db(), ctx),
}));
