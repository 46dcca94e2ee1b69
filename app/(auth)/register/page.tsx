import type { Metadata } from "next";
import { connection } from "next/server";
import { SelfRegisterForm } from "@/components/patients/SelfRegisterForm";
import { messages } from "@/lib/i18n";
import { env } from "@/lib/server/env";
import { selfRegisterAction } from "./actions";

export const metadata: Metadata = { title: "Register" };

export default async function RegisterPage() {
  await connection(); // rendered per request: the hospital name is runtime configuration
  const m = messages().patients;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-lg rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{env().HOSPITAL_NAME}</p>
        <h1 className="mt-1 text-2xl font-semibold">{m.registration.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{m.registration.subtitle}</p>
        <SelfRegisterForm action={selfRegisterAction} labels={{ form: m.form, registration: m.registration }} />
      </div>
    </main>
  );
}
