import { ZTokenRequest } from "@/lib/accounts/schemas";
import { publicRoute, readJson } from "@/lib/server/api";
import { authenticate } from "@/lib/server/authenticate";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";
import { issueApiToken } from "@/lib/server/tokens";

export const POST = publicRoute(async ({ req }) => {
  const input = await readJson(req, ZTokenRequest);
  const user = await authenticate(db(), { ...input, ip: clientIp(req.headers) });
  const { token, expiresAt } = await issueApiToken({ userId: user.id, role: user.role, sessionVersion: user.sessionVersion });
  return { token, expiresAt: expiresAt.toISOString(), user: { id: user.id, role: user.role, name: user.name } };
});
