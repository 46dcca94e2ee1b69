import { createHash, createHmac } from "node:crypto";
import { appUrl, authSecret } from "@/lib/server/env";

// Emailed one-time links (invitation, password reset, email confirmation) never sit usable in the
// outbox, which admins read: the outbox row holds the link with its token masked and the id of the
// token's row (OutboxEmail.linkTokenId); only the sender, at send time, rebuilds the working link.
// The token is derived from that id with an HMAC keyed by the app's secret, and the database keeps
// only the token's SHA-256 (PasswordToken.tokenHash). So neither an outbox reader nor a copy of the
// database can use a link; whoever holds NEXTAUTH_SECRET could already forge sessions. Rotating the
// secret voids the links not yet used, as it voids sessions.

/** What the outbox shows in place of a token. */
export const MASK = "••••••••";

/** The key, derived from (never equal to) the session secret, so a link token is nothing else. */
const key = () => createHash("sha256").update(`emailed-link:${authSecret()}`).digest();

/** The secret token of a link row: 43 URL-safe characters, the same every time it is asked for. */
export const linkToken = (tokenId: string) => createHmac("sha256", key()).update(tokenId).digest("base64url");

/** What the database stores of a token: a leak of the table hands out no working link. */
export const hashLinkToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The link as the outbox keeps it, e.g. https://host/set-password/•••••••• */
export const maskedLink = (path: string) => `${appUrl()}${path}/${MASK}`;

/** The email as it goes to SMTP: the masked token replaced by the real one (and nothing else touched). */
export function revealLink<E extends { html: string; text: string; linkTokenId: string | null }>(email: E): E {
  if (!email.linkTokenId) return email;
  const token = linkToken(email.linkTokenId);
  const reveal = (s: string) => s.split(`/${MASK}`).join(`/${token}`);
  return { ...email, html: reveal(email.html), text: reveal(email.text) };
}
