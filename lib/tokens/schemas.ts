import { z } from "zod";

/** The scopes the app enforces: "full" acts as the owner; the others only reach routes that accept them. */
export const TOKEN_SCOPES = ["full", "public-health:read"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const ZTokenCreate = z.object({
  name: z.string().trim().min(1, "Give the token a name").max(100, "At most 100 characters"),
  scopes: z.array(z.enum(TOKEN_SCOPES, { error: `Use one of: ${TOKEN_SCOPES.join(", ")}` })).min(1, "Choose at least one scope"),
  expiresInDays: z.coerce.number().int("Use a whole number").min(1, "At least 1 day").max(3650, "At most 3650 days").optional(),
});
export type TokenCreate = z.infer<typeof ZTokenCreate>;
