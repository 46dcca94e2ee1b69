import { ChangePasswordForm } from "@/components/auth/ChangePasswordForm";
import { Card, PageHeader } from "@/components/ui/Card";
import { messages, titled } from "@/lib/server/locale";
import { guardPage } from "@/lib/server/guard";
import { changePasswordAction } from "./actions";

export const generateMetadata = titled((m) => m.titles.accountPassword);

export default async function ChangePasswordPage() {
  await guardPage("account.changePassword", "/account/password");
  const m = (await messages()).password;
  return (
    <>
      <PageHeader title={m.title} />
      <Card className="max-w-md">
        <ChangePasswordForm action={changePasswordAction} labels={m} />
      </Card>
    </>
  );
}
