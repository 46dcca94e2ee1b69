import type { Metadata } from "next";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/AuthCard";
import { SelfRegisterForm } from "@/components/patients/SelfRegisterForm";
import { messages } from "@/lib/i18n";
import { selfRegisterAction } from "./actions";

export const metadata: Metadata = { title: "Register" };

export default async function RegisterPage() {
  await connection(); // rendered per request: the hospital name is runtime configuration
  const m = messages().patients;
  return (
    <AuthCard title={m.registration.title} subtitle={m.registration.subtitle} wide>
      <SelfRegisterForm action={selfRegisterAction} labels={{ form: m.form, registration: m.registration }} />
    </AuthCard>
  );
}
