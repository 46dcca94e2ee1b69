import Link from "next/link";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/AuthCard";
import { ForgotPasswordForm } from "@/components/auth/ForgotPasswordForm";
import { messages, titled } from "@/lib/server/locale";
import { forgotPasswordAction } from "../password-actions";

export const generateMetadata = titled((m) => m.titles.forgotPassword);

export default async function ForgotPasswordPage() {
  await connection(); // rendered per request: the hospital name is runtime configuration
  const m = (await messages()).staff.forgotPassword;
  return (
    <AuthCard title={m.title} subtitle={m.intro}>
      <ForgotPasswordForm action={forgotPasswordAction} labels={m} />
      <p className="mt-6 text-center text-sm">
        <Link href="/login" className="font-medium text-brand-700 hover:underline">
          {m.back}
        </Link>
      </p>
    </AuthCard>
  );
}
