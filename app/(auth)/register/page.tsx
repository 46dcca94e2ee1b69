import { connection } from "next/server";
import { AuthCard } from "@/components/auth/AuthCard";
import { SelfRegisterForm } from "@/components/patients/SelfRegisterForm";
import { messages, titled } from "@/lib/server/locale";
import { selfRegisterAction } from "./actions";

export const generateMetadata = titled((m) => m.titles.register);

export default async function RegisterPage() {
  await connection(); // rendered per request: the hospital name is runtime configuration
  const all = await messages();
  const m = all.patients;
  return (
    <AuthCard title={m.registration.title} subtitle={m.registration.subtitle} wide>
      <SelfRegisterForm
        action={selfRegisterAction}
        labels={{ form: m.form, registration: m.registration, registered: all.accounts.registered }}
      />
    </AuthCard>
  );
}
