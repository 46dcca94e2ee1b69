import { publicRoute } from "@/lib/server/api";
import { authenticate } from "@/lib/server/authenticate";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";
import { issueApiToken } from "@/lib/server/tokens";
import { ops } from "@/lib/accounts/contract";

export const POST = publicRoute(ops.postAuthToken, async ({ req, body }) => {
  const input = body;
  const user = await authenticate(db(), { ...input, ip: clientIp(req.headers) });
  const { token, expiresAt } = await issueApiToken({
    userId: user.id,
    role: user.role,
    sessionVersion: user.sessionVersion,
  });
  return { token, expiresAt: expiresAt.toISOString(), user: { id: user.id, role: user.role, name: user.name } };
});
