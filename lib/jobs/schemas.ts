import { z } from "zod";

export const ZExportRequest = z.object({
  kind: z.literal("treatment-history", { error: "Only treatment-history exports exist" }),
  patientId: z.string().trim().min(1).max(64).optional(),
});
export type ExportRequest = z.infer<typeof ZExportRequest>;
