import Link from "next/link";
import { AuthCard } from "@/components/auth/AuthCard";
import { LoginForm } from "@/components/auth/LoginForm";
import { messages, titled } from "@/lib/server/locale";
import { appUrl, env } from "@/lib/server/env";
import { safeRedirectPath } from "@/lib/server/safe-redirect";

export const generateMetadata = titled((m) => m.titles.login);

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; changed?: string; ended?: string }>;
}) {
  const { callbackUrl: next, changed, ended } = await searchParams;
  const m = await messages();
  // Only paths of this app: never send a user to another origin after sign-in.
  const target = safeRedirectPath(next, appUrl());
  const e = env();
  // Why the user is here again, when their session ended (lib/server/guard.ts loginUrl).
  const { ended: why, ...labels } = m.login;
  const endedNotice =
    ended === "idle"
      ? why.idle(e.SESSION_IDLE_MINUTES)
      : ended === "expired"
        ? why.expired(e.SESSION_MAX_HOURS)
        : ended === "revoked"
          ? why.revoked
          : undefined;
  const notice = changed
    ? { tone: "success" as const, text: m.login.passwordChanged }
    : endedNotice
      ? { tone: "info" as const, text: endedNotice }
      : undefined;
  return (
    <AuthCard title={m.login.title} subtitle={m.login.subtitle}>
      <LoginForm next={target} notice={notice} labels={labels} />
      <p className="mt-3 text-right text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
          {m.staff.forgotPassword.link}
        </Link>
      </p>
      <p className="mt-6 border-t border-slate-100 pt-4 text-center text-sm text-slate-600">
        {m.login.newPatient}{" "}
        <Link href="/register" className="font-medium text-brand-700 hover:underline">
          {m.login.createAccount}
        </Link>
      </p>
    </AuthCard>
  );
}
