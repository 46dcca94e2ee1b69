import { z } from "zod";
import { defineOperation, listOf, queryOf, zIso } from "@/lib/server/contract";
import { ZTokenCreate } from "./schemas";

// The success bodies of its GETs (JSON as sent: dates are ISO strings).
/** An integration token as listed: never its secret. */
const ZTokenView = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: zIso,
  expiresAt: zIso.nullable(),
  lastUsedAt: zIso.nullable(),
  revokedAt: zIso.nullable(),
  owner: z.object({ id: z.string(), name: z.string(), email: z.string() }),
});
const getTokensResponse = listOf(ZTokenView);

// The tokens operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  deleteTokensById: defineOperation({
    response: ZTokenView.omit({ owner: true }),
    method: "DELETE",
    path: "/tokens/{id}",
    tag: "tokens",
    summary: "Revokes the token at once (its next request → 401); revoking twice is harmless.",
    permission: "token.manage",
  }),
  getTokens: defineOperation({
    response: getTokensResponse,
    list: true,
    query: queryOf(["page", "pageSize"]),
    method: "GET",
    path: "/tokens",
    tag: "tokens",
    summary: "Every integration token with its owner, scopes and last use; never the secret.",
    permission: "token.manage",
  }),
  postTokens: defineOperation({
    response: z.object({ token: ZTokenView.omit({ owner: true }), secret: z.string().startsWith("hms_") }),
    method: "POST",
    path: "/tokens",
    tag: "tokens",
    summary:
      '`{ name, scopes: ["full" | "public-health:read" | "fhir:read" | "metrics"], expiresInDays? }` → 201 `{ token, secret }`: the secret is shown only here.',
    permission: "token.manage",
    body: ZTokenCreate,
    status: 201,
  }),
};
