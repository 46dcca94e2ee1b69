// `npm start` checks the public URL before serving: sessions, passwords and patient data must not
// cross a network in clear text. The app speaks plain http behind whatever terminates TLS (a reverse
// proxy); that is fine on this machine only.

const LOCAL = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Each of NEXTAUTH_URL and APP_URL that is plain http to another machine. */
export function insecurePublicUrls(env: { NEXTAUTH_URL?: string; APP_URL?: string }): string[] {
  return (["NEXTAUTH_URL", "APP_URL"] as const).flatMap((name) => {
    const value = env[name];
    if (!value) return [];
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return []; // lib/server/env.ts refuses it with its own message
    }
    return url.protocol === "https:" || LOCAL.test(url.hostname) ? [] : [`${name}=${value}`];
  });
}

/** The warning `npm start` prints (to stderr, framed so that it is seen), or null when all is well. */
export function insecurePublicUrlWarning(env: { NEXTAUTH_URL?: string; APP_URL?: string }): string | null {
  const urls = insecurePublicUrls(env);
  if (urls.length === 0) return null;
  const line = "!".repeat(72);
  return [
    line,
    `!! WARNING: the public URL is not https: ${urls.join(", ")}`,
    "!! Passwords, session cookies and patient data would cross the network in clear text, and",
    "!! session cookies are not marked Secure. Serve the app behind a TLS-terminating reverse proxy",
    "!! and set NEXTAUTH_URL (and APP_URL) to its https:// address.",
    line,
  ].join("\n");
}
