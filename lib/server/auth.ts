import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Role } from "@/lib/generated/prisma/enums";
import { secureCookies } from "./auth-cookies";
import { authenticate } from "./authenticate";
import { db } from "./db";
import { authSecret, env } from "./env";
import { AppError } from "./errors";
import { clientIp } from "./request";
import { sameOriginPath } from "./safe-redirect";
import { liveSession, revokeSession, startSession, type SessionEnd } from "./session-records";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: Role; sv: number };
  }
  interface User {
    id: string;
    role: Role;
    sessionVersion: number;
    sessionId: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    sv: number;
    /** The server-side session (lib/server/session-records.ts) this cookie belongs to. */
    sid?: string;
  }
}

// Sign-in errors travel to the page as a code; the page shows the matching sentence.
export const SIGNIN_ERROR = { badCredentials: "CredentialsSignin", rateLimited: "RATE_LIMITED" } as const;

/** Thrown by the jwt callback for a cookie whose session is over: next-auth then clears the cookie instead of renewing it. */
class SessionEnded extends Error {
  constructor(readonly reason: SessionEnd | "unknown") {
    super(`Session ended (${reason})`);
  }
}

export const authOptions: NextAuthOptions = {
  // Read per request, not at import: `next build` loads this module without the secret.
  get secret() {
    return authSecret();
  },
  // The cookie lives no longer than the session may (SESSION_MAX_HOURS); the server-side record
  // decides, whatever the cookie says.
  session: {
    strategy: "jwt",
    get maxAge() {
      return Math.ceil(env().SESSION_MAX_HOURS * 3600);
    },
  },
  // Secure, __Secure-/__Host- prefixed cookies whenever the public URL is https (APP_URL or
  // NEXTAUTH_URL), said here rather than left to next-auth's guess from NEXTAUTH_URL alone.
  get useSecureCookies() {
    return secureCookies();
  },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        const headers = new Headers(req.headers as Record<string, string>);
        const ip = clientIp(headers);
        try {
          const user = await authenticate(db(), { email: credentials.email, password: credentials.password, ip });
          const sessionId = await startSession(db(), { userId: user.id, ip, userAgent: headers.get("user-agent") });
          return {
            id: user.id,
            name: user.name,
            email: user.email,
            role: user.role,
            sessionVersion: user.sessionVersion,
            sessionId,
          };
        } catch (err) {
          if (err instanceof AppError && err.code === "RATE_LIMITED") throw new Error(SIGNIN_ERROR.rateLimited);
          if (err instanceof AppError && err.code === "UNAUTHENTICATED") return null;
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.sid = user.sessionId;
        return token;
      }
      // Any other read of the cookie through next-auth (GET /api/auth/session renews it): only a live
      // session is renewed; an ended one is cleared. Checking is not activity: this endpoint may be
      // polled by an idle tab, so it does not move the idle timeout.
      if (!token.sid) throw new SessionEnded("unknown");
      const check = await liveSession(
        db(),
        { sessionId: token.sid, userId: token.uid, sessionVersion: token.sv },
        { touch: false },
      );
      if (!check.actor) throw new SessionEnded(check.ended ?? "unknown");
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid,
        name: token.name ?? "",
        email: token.email ?? "",
        role: token.role,
        sv: token.sv,
      };
      return session;
    },
    // Every callbackUrl next-auth follows (sign-in, sign-out) stays on this origin.
    redirect({ url, baseUrl }) {
      const path = sameOriginPath(url, baseUrl);
      return path ? `${baseUrl}${path}` : baseUrl;
    },
  },
  events: {
    // Sign-out ends the session on the server: a copy of the cookie no longer works (next-auth's
    // POST /api/auth/signout requires its CSRF token, so another site cannot sign a user out).
    async signOut({ token }) {
      if (token?.sid) await revokeSession(db(), token.sid);
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session is an answer ("no session"), not a fault of the server.
      if (code === "JWT_SESSION_ERROR" && metadata instanceof SessionEnded) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};
