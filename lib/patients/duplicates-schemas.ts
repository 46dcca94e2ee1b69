import { z } from "zod";

const id = z.string().min(1).max(100);

/** Body of POST /api/v1/patients/link-requests/{id}/resolve. */
export const ZResolveLink = z.discriminatedUnion("action", [
  z.object({ action: z.literal("link"), patientId: id }),
  z.object({ action: z.literal("new") }),
]);

export const ZDismissPairAction = z.object({ pairId: id });
export const ZResolveLinkAction = z.intersection(z.object({ requestId: id }), ZResolveLink);
