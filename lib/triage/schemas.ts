import { z } from "zod";
import { E } from "@/lib/i18n/error-keys";

const m = E.triage.errors;

export const ZTriageRun = z.object({
  problem: z.string({ error: m.problemShort }).trim().min(3, m.problemShort).max(2000, m.problemLong),
  patientId: z.string().min(1).max(100).optional(),
});
export type TriageRunInput = z.infer<typeof ZTriageRun>;

/** The staff member's final choice: the department (and planned stay) they kept or picked instead. */
export const ZTriageConfirm = z.object({
  triageId: z.string().min(1).max(100),
  departmentId: z.string({ error: m.department }).min(1, m.department).max(100),
  patientId: z.string().min(1).max(100).optional(),
});
export type TriageConfirmInput = z.infer<typeof ZTriageConfirm>;

export const ZNotificationsQuery = z.object({
  unread: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});

/** Marks read: the given ids or all; only ever the caller's own rows. */
export const ZMarkRead = z
  .object({
    ids: z.array(z.string().min(1).max(100)).max(200).optional(),
    all: z.literal(true).optional(),
  })
  .refine((v) => v.all === true || (v.ids?.length ?? 0) > 0, { path: ["ids"], message: "Give ids or all: true" });
export type MarkReadInput = z.infer<typeof ZMarkRead>;
