import Link from "next/link";
import { AuthCard } from "@/components/auth/AuthCard";
import { SetPasswordForm } from "@/components/auth/SetPasswordForm";
import { Alert } from "@/components/ui/Alert";
import { describePasswordToken } from "@/lib/accounts/password-tokens";
import { messages, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { setPasswordAction } from "../../password-actions";

export const generateMetadata = titled((m) => m.titles.setPasswordToken, { referrer: "no-referrer" });

/** Public: the one-time link from an invitation or reset email. The token itself is the credential. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const m = (await messages()).staff.setPassword;
  const holder = await describePasswordToken(db(), token);
  if (!holder) {
    return (
      <AuthCard title={m.title}>
        <div className="mt-6 space-y-4">
          <Alert tone="error">{m.invalid}</Alert>
          <Link
            href="/forgot-password"
            className="block text-center text-sm font-medium text-brand-700 hover:underline"
          >
            {m.askAgain}
          </Link>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={m.title} subtitle={(await messages()).staff.phrases.setPasswordIntro(holder.name)}>
      <SetPasswordForm token={token} action={setPasswordAction} labels={m} />
    </AuthCard>
  );
}
