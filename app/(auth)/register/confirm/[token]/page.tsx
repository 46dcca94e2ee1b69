import Link from "next/link";
import { AuthCard } from "@/components/auth/AuthCard";
import { ConfirmEmailForm } from "@/components/auth/ConfirmEmailForm";
import { Alert } from "@/components/ui/Alert";
import { confirmationIsValid } from "@/lib/accounts/email-confirmation";
import { messages, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { confirmEmailAction } from "../actions";

export const generateMetadata = titled((m) => m.accounts.confirmLink.title, { referrer: "no-referrer" });

/** Public: the link from the confirmation email. The token itself is the credential. */
export default async function ConfirmEmailLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const all = await messages();
  const m = all.accounts.confirmLink;
  if (!(await confirmationIsValid(db(), token))) {
    return (
      <AuthCard title={m.title}>
        <div className="mt-6 space-y-4">
          <Alert tone="error">{m.invalid}</Alert>
          <Link href="/login" className="block text-center text-sm font-medium text-brand-700 hover:underline">
            {all.login.submit}
          </Link>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={m.title} subtitle={m.intro}>
      <ConfirmEmailForm token={token} action={confirmEmailAction} labels={m} />
    </AuthCard>
  );
}
