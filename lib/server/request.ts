import { isIP } from "node:net";

/**
 * The client's address. The web server (scripts/client-address.mjs, run by scripts/web-worker.mjs)
 * establishes it before the app sees the request, honouring X-Forwarded-For only from
 * TRUSTED_PROXIES, and puts that one address in X-Forwarded-For; whatever the client sent there is
 * gone. Anything else than one valid address is not trusted.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0].trim();
  return forwarded && isIP(forwarded) ? forwarded : null;
}
