import { createHash } from "node:crypto";
import { clock } from "./clock";
import type { Db } from "./db";

// Integration tokens as credentials: how a presented "hms_…" bearer resolves to its owner (used by
// session.ts). Issuing, listing and revoking them is the tokens domain's (lib/tokens/service.ts).

export const TOKEN_PREFIX = "hms_";

export const hashToken = (secret: string) => createHash("sha256").update(secret).digest("hex");

export const isIntegrationToken = (bearer: string) => bearer.startsWith(TOKEN_PREFIX);

const TOUCH_EVERY_MS = 60_000;

/**
 * The owner and scopes of an active, unexpired, unrevoked token whose owner is active, or null.
 * lastUsedAt is written at most once a minute per token, so busy integrations cost one read.
 */
export async function resolveToken(prisma: Db, secret: string) {
  const now = clock.now();
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: {
      id: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      owner: { select: { id: true, role: true, name: true, email: true, active: true, requiredAction: true } },
    },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || !row.owner.active) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.apiToken.updateMany({
      where: {
        id: row.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - TOUCH_EVERY_MS) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  const { active: _active, ...actor } = row.owner;
  return { actor, scopes: row.scopes };
}
