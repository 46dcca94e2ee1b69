import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/ChangePasswordForm";
import { Card, PageHeader } from "@/components/ui/Card";
import { messages } from "@/lib/i18n";
import { guardPage } from "@/lib/server/guard";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  await guardPage("account.changePassword", "/account/password");
  const m = messages().password;
  return (
    <>
      <PageHeader title={m.title} />
      <Card className="max-w-md">
        <ChangePasswordForm action={changePasswordAction} labels={m} />
      </Card>
    </>
  );
}
