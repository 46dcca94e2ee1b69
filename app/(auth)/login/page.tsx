import type { Metadata } from "next";
import Link from "next/link";
import { LoginForm } from "@/components/auth/LoginForm";
import { messages } from "@/lib/i18n";
import { env } from "@/lib/server/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; changed?: string }> }) {
  const { callbackUrl: next, changed } = await searchParams;
  const m = messages();
  // Only same-site paths: never send a user to another origin after sign-in.
  const target = next && next.startsWith("/") && !next.startsWith("//") ? next : "/dashboard";
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{env().HOSPITAL_NAME}</p>
        <h1 className="mt-1 text-2xl font-semibold">{m.login.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{m.login.subtitle}</p>
        <LoginForm next={target} notice={changed ? m.login.passwordChanged : undefined} labels={m.login} />
        <p className="mt-3 text-right text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">{m.staff.forgotPassword.link}</Link>
        </p>
        <p className="mt-6 border-t border-slate-100 pt-4 text-center text-sm text-slate-600">
          {m.login.newPatient}{" "}
          <Link href="/register" className="font-medium text-brand-700 hover:underline">
            {m.login.createAccount}
          </Link>
        </p>
      </div>
    </main>
  );
}
