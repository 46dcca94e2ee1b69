import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { revokeToken } from "@/lib/tokens/service";

/** Revokes the token at once (its next request → 401); revoking twice is harmless. */
export const DELETE = apiRoute<{ id: string }>("token.manage", async ({ ctx, params }) => revokeToken(db(), ctx, params.id));
