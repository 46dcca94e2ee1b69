import { servedOverHttps } from "./env";

// next-auth 4's cookie names follow its useSecureCookies option: Secure cookies named
// `__Secure-next-auth.session-token` and `__Host-next-auth.csrf-token` (a browser refuses those
// prefixes without Secure, and __Host- also pins the cookie to this host and path /). The option is
// set from the public URL (lib/server/auth.ts), and the sign-in redirect in proxy.ts must look for
// the same name: one function for both.

/** Session and CSRF cookies are Secure (and prefixed) when the public URL is https. */
export const secureCookies = (): boolean => servedOverHttps();

/** The name of the session cookie next-auth sets under the current configuration. */
export const sessionCookieName = (): string => `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
