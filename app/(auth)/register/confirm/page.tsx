import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/AuthCard";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { JobButton } from "@/components/jobs/JobButton";
import { messages, titled } from "@/lib/server/locale";
import { guardPage } from "@/lib/server/guard";
import { resendConfirmationAction } from "./actions";

export const generateMetadata = titled((m) => m.accounts.confirm.title);

/** Where a signed-in patient who has not confirmed the email lands, whatever page was asked for. */
export default async function ConfirmEmailPendingPage() {
  const { actor } = await guardPage("account.confirmEmail", "/register/confirm");
  if (actor.requiredAction !== "VERIFY_EMAIL") redirect("/dashboard");
  const m = (await messages()).accounts;
  return (
    <AuthCard title={m.confirm.title} subtitle={m.phrases.confirmIntro(actor.email)}>
      <div className="mt-6 space-y-4">
        <JobButton act={resendConfirmationAction} input={{}} label={m.confirm.resend} doneLabel={m.confirm.resent} />
        <p className="text-sm text-slate-600">{m.confirm.wrongAddress}</p>
        <SignOutButton label={m.confirm.signOut} />
      </div>
    </AuthCard>
  );
}
