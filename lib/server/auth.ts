import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Role } from "@/lib/generated/prisma/enums";
import { secureCookies } from "./auth-cookies";
import { authenticate } from "./authenticate";
import { db } from "./db";
import { authSecret } from "./env";
import { AppError } from "./errors";
import { clientIp } from "./request";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: Role; sv: number };
  }
  interface User {
    id: string;
    role: Role;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    sv: number;
  }
}

// Sign-in errors travel to the page as a code; the page shows the matching sentence.
export const SIGNIN_ERROR = { badCredentials: "CredentialsSignin", rateLimited: "RATE_LIMITED" } as const;

export const authOptions: NextAuthOptions = {
  // Read per request, not at import: `next build` loads this module without the secret.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
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
        try {
          const user = await authenticate(db(), {
            email: credentials.email,
            password: credentials.password,
            ip: clientIp(new Headers(req.headers as Record<string, string>)),
          });
          return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
        } catch (err) {
          if (err instanceof AppError && err.code === "RATE_LIMITED") throw new Error(SIGNIN_ERROR.rateLimited);
          if (err instanceof AppError && err.code === "UNAUTHENTICATED") return null;
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, name: token.name ?? "", email: token.email ?? "", role: token.role, sv: token.sv };
      return session;
    },
  },
};
