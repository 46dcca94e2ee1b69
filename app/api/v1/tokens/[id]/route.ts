import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { revokeToken } from "@/lib/tokens/service";
import { ops } from "@/lib/tokens/contract";

/** Revokes the token at once (its next request → 401); revoking twice is harmless. */
export const DELETE = apiRoute(ops.deleteTokensById, async ({ ctx, params }) => revokeToken(db(), ctx, params.id));
