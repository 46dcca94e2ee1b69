import { createHash } from "node:crypto";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { authorize } from "@/lib/server/guard";
import type { Permission } from "@/lib/server/permissions";

// A route open to a permission (session or sign-in token) OR to an integration's API token that
// carries a scope (e.g. the health authority's "public-health:read").

export const PUBLIC_HEALTH_SCOPE = "public-health:read";

/** How an ApiToken's secret is stored: its SHA-256, hex. */
export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * True when the bearer secret is a live (not revoked, not expired) ApiToken holding the scope; its
 * last use is recorded. A single indexed read (tokenHash is unique).
 */
export async function apiTokenHasScope(prisma: Db, secret: string, scope: string): Promise<boolean> {
  const now = clock.now();
  const { count } = await prisma.apiToken.updateMany({
    where: { tokenHash: hashApiToken(secret), revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }], scopes: { has: scope } },
    data: { lastUsedAt: now },
  });
  return count > 0;
}

/** The caller holds the permission, or sends `Authorization: Bearer <api token>` with the scope. */
export async function authorizeOrScope(prisma: Db, req: Request, permission: Permission, scope: string): Promise<void> {
  const authz = req.headers.get("authorization");
  if (authz?.toLowerCase().startsWith("bearer ") && (await apiTokenHasScope(prisma, authz.slice(7).trim(), scope))) return;
  await authorize(permission);
}
