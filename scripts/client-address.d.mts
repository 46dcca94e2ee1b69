import type { IncomingMessage } from "node:http";

/** One X-Forwarded-For entry as an address ("1.2.3.4:80" → "1.2.3.4"), or null (see client-address.mjs). */
export function parseAddress(entry: string): string | null;
/** TRUSTED_PROXIES (addresses and CIDR ranges, comma-separated) as a matcher; throws on a malformed entry. */
export function trustedProxies(spec: string | undefined): (address: string | null | undefined) => boolean;
/** The client's address from the socket's peer and X-Forwarded-For, trusting only trusted proxies. */
export function clientAddress(
  socketAddress: string | null | undefined,
  forwardedFor: string | string[] | undefined,
  isTrusted: (address: string) => boolean,
): string | null;
/** Rewrites a request's X-Forwarded-For to the one client address and drops untrusted forwarded headers. */
export function applyClientAddress(
  req: Pick<IncomingMessage, "headers" | "socket">,
  isTrusted: (address: string | null | undefined) => boolean,
): void;
/** applyClientAddress for the environment's TRUSTED_PROXIES. */
export function clientAddressRewriter(
  env?: Record<string, string | undefined>,
): (req: Pick<IncomingMessage, "headers" | "socket">) => void;
