import { z } from "zod";
import { E } from "@/lib/i18n/error-keys";

export const ZExportRequest = z.object({
  kind: z.literal("treatment-history", { error: E.jobs.errors.onlyTreatmentHistory }),
  patientId: z.string().trim().min(1).max(64).optional(),
});
export type ExportRequest = z.infer<typeof ZExportRequest>;
