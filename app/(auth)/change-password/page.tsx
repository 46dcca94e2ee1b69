import { redirect } from "next/navigation";
import { changePasswordAction } from "@/app/(app)/account/password/actions";
import { AuthCard } from "@/components/auth/AuthCard";
import { ChangePasswordForm } from "@/components/auth/ChangePasswordForm";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { messages, titled } from "@/lib/server/locale";
import { guardPage } from "@/lib/server/guard";

export const generateMetadata = titled((m) => m.accounts.forcedChange.title);

/** Where an account whose password an admin set lands, whatever page was asked for, until it chooses its own. */
export default async function ForcedPasswordChangePage() {
  const { actor } = await guardPage("account.changePassword", "/change-password");
  if (actor.requiredAction !== "UPDATE_PASSWORD") redirect("/account/password");
  const all = await messages();
  return (
    <AuthCard title={all.accounts.forcedChange.title} subtitle={all.accounts.forcedChange.intro}>
      <div className="mt-6 space-y-4">
        <ChangePasswordForm action={changePasswordAction} labels={all.password} />
        <SignOutButton label={all.accounts.confirm.signOut} />
      </div>
    </AuthCard>
  );
}
