import { z } from "zod";
import { E } from "@/lib/i18n/error-keys";

const m = E.tokens.errors;

/** The scopes the app enforces: "full" acts as the owner; the others only reach routes that accept them. */
export const TOKEN_SCOPES = ["full", "public-health:read", "fhir:read", "metrics"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const ZTokenCreate = z.object({
  name: z.string().trim().min(1, m.name).max(100, m.nameTooLong),
  scopes: z.array(z.enum(TOKEN_SCOPES, { error: m.scopeOneOf(TOKEN_SCOPES.join(", ")) })).min(1, m.scopes),
  expiresInDays: z.number().int(m.wholeNumber).min(1, m.minDays).max(3650, m.maxDays).optional(),
});
export type TokenCreate = z.infer<typeof ZTokenCreate>;
