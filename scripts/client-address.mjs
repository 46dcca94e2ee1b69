// The client's address, established by the web server before Next sees a request (route handlers
// cannot see the socket). X-Forwarded-For is the client's to write: only the proxies named in
// TRUSTED_PROXIES may vouch for an address. The chain socket ← X-Forwarded-For is walked from the
// right (the hop nearest to us) over trusted proxies; the first address that is not a trusted proxy
// is the client (what Express's proxy-addr, nginx's real_ip_recursive and Rails' RemoteIp do).
// With no TRUSTED_PROXIES (the default), the client is the socket's peer and X-Forwarded-For is
// ignored. The result replaces X-Forwarded-For (one address), which lib/server/request.ts reads.
//
//   TRUSTED_PROXIES=127.0.0.1,10.0.0.0/8,fd00::/8   addresses and CIDR ranges, comma-separated
import net from "node:net";

/** "::ffff:1.2.3.4" → "1.2.3.4"; other addresses unchanged. */
function canonical(address) {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1] : address;
}

/**
 * One X-Forwarded-For entry as an address, or null when it is not one. Accepts what proxies write:
 * "1.2.3.4", "1.2.3.4:5678", "2001:db8::1", "[2001:db8::1]:443", an IPv6 zone ("fe80::1%eth0").
 */
export function parseAddress(entry) {
  let s = String(entry).trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  const bare = s.replace(/%[\w.-]+$/, "");
  const family = net.isIP(bare);
  return family ? canonical(bare) : null;
}

/**
 * TRUSTED_PROXIES as a matcher: (address) => boolean. Empty or unset trusts nobody. A malformed
 * entry throws, so a typo stops the server at start rather than silently trusting no one (or anyone).
 */
export function trustedProxies(spec) {
  const list = new net.BlockList();
  let any = false;
  for (const raw of String(spec ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [addr, bits, extra] = entry.split("/");
    const address = parseAddress(addr);
    const family = address ? (net.isIPv4(address) ? "ipv4" : "ipv6") : null;
    const prefix = bits === undefined ? null : Number(bits);
    const max = family === "ipv4" ? 32 : 128;
    if (!family || extra !== undefined || (prefix !== null && (!/^\d+$/.test(bits) || prefix > max))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or a CIDR range (e.g. 10.0.0.0/8, ::1)`);
    }
    if (prefix === null) list.addAddress(address, family);
    else list.addSubnet(address, prefix, family);
    any = true;
  }
  if (!any) return () => false;
  return (address) => {
    const a = address ? parseAddress(address) : null;
    return a !== null && list.check(a, net.isIPv4(a) ? "ipv4" : "ipv6");
  };
}

/**
 * The client's address: the socket's peer unless it is a trusted proxy, in which case the
 * X-Forwarded-For entries are read from the right while they are trusted proxies too. A malformed
 * entry ends the walk at the last address known good (the proxy that passed it on).
 */
export function clientAddress(socketAddress, forwardedFor, isTrusted) {
  let client = socketAddress ? parseAddress(socketAddress) : null;
  if (client === null || !isTrusted(client)) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parseAddress(hops[i]);
    if (hop === null) break;
    client = hop;
    if (!isTrusted(hop)) break;
  }
  return client;
}

// Headers a proxy sets about the original request: believed only from a trusted proxy. Next derives
// the request's host and scheme from X-Forwarded-Host/-Proto (its server-action origin check, too).
const FORWARDED_DETAILS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];

/**
 * Rewrites a node:http request's headers in place: X-Forwarded-For becomes the one client address,
 * X-Real-IP (never read) goes, and the other forwarded headers stay only when the peer is a trusted proxy.
 */
export function applyClientAddress(req, isTrusted) {
  const peer = req.socket?.remoteAddress;
  const address = clientAddress(peer, req.headers["x-forwarded-for"], isTrusted);
  if (address) req.headers["x-forwarded-for"] = address;
  else delete req.headers["x-forwarded-for"];
  delete req.headers["x-real-ip"];
  if (!isTrusted(peer)) for (const h of FORWARDED_DETAILS) delete req.headers[h];
}

/** The rewrite for this process's TRUSTED_PROXIES: (req) => void. Throws on a malformed setting. */
export function clientAddressRewriter(env = process.env) {
  const isTrusted = trustedProxies(env.TRUSTED_PROXIES);
  return (req) => applyClientAddress(req, isTrusted);
}
