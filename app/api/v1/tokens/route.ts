import { apiRoute, created, pageOf } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { createToken, listTokens } from "@/lib/tokens/service";
import { ops } from "@/lib/tokens/contract";

/** Every integration token with its owner, scopes and last use; never the secret. */
export const GET = apiRoute(ops.getTokens, async ({ req }) => pageOf(await listTokens(db()), req.nextUrl.searchParams));

/** `{ name, scopes: ["full" | "public-health:read" | "fhir:read" | "metrics"], expiresInDays? }` → 201 `{ token, secret }`: the secret is shown only here. */
export const POST = apiRoute(ops.postTokens, async ({ ctx, body }) => created(await createToken(db(), ctx, body)));
