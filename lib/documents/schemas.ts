import { z } from "zod";
import { ZDate } from "@/lib/scheduling/schemas";
import { E } from "@/lib/i18n/error-keys";

const m = E.documents.errors;

export const DOCUMENT_CATEGORIES = ["referral", "result", "imaging", "consent", "other"] as const;
export type DocumentCategoryCode = (typeof DOCUMENT_CATEGORIES)[number];
/** The API's lower-case codes and the database's enum. */
export const toDbCategory = (c: DocumentCategoryCode) => c.toUpperCase() as Uppercase<DocumentCategoryCode>;
export const fromDbCategory = (c: string) => c.toLowerCase() as DocumentCategoryCode;

/** Empty strings (a form's untouched field) count as absent. */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalId = z.preprocess(blank, z.string().trim().max(64).optional());

/** The upload form's text fields (multipart: every value a string; no coercion beyond these). */
export const ZDocumentFields = z
  .object({
    title: z.string({ error: m.title }).trim().min(1, m.title).max(200, m.title),
    category: z.enum(DOCUMENT_CATEGORIES, { error: m.category }),
    documentDate: ZDate,
    consentSignedOn: z.preprocess(blank, ZDate.optional()),
    // A checkbox sends "on"; API clients send true or false. Absent: not shared.
    sharedWithPatient: z
      .preprocess(blank, z.enum(["true", "false", "on"], { error: m.shared }).optional())
      .transform((v) => v === "true" || v === "on"),
    consultationId: optionalId,
    admissionId: optionalId,
  })
  .superRefine((d, ctx) => {
    if (d.category === "consent" && !d.consentSignedOn)
      ctx.addIssue({ code: "custom", path: ["consentSignedOn"], message: m.consentSignedOn });
    if (d.category !== "consent" && d.consentSignedOn)
      ctx.addIssue({ code: "custom", path: ["consentSignedOn"], message: m.consentOnly });
  });
export type DocumentFields = z.infer<typeof ZDocumentFields>;
export const DOCUMENT_FIELD_NAMES = [
  "title",
  "category",
  "documentDate",
  "consentSignedOn",
  "sharedWithPatient",
  "consultationId",
  "admissionId",
] as const;
/** The form's file part. */
export const FILE_FIELD = "file";
