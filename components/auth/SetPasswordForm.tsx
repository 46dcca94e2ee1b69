"use client";

import Link from "next/link";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useValidatedSubmit } from "@/components/forms/useValidatedSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button, buttonClass } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { ZSetPassword } from "@/lib/accounts/password-link-schemas";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";

type Input = { token: string; password: string; confirmPassword: string };

export function SetPasswordForm({
  token,
  action,
  labels,
}: {
  token: string;
  action: (i: Input) => Promise<ActionResult<{ done: boolean }>>;
  labels: Messages["staff"]["setPassword"];
}) {
  const [done, setDone] = useState(false);
  const [v, setV] = useState({ password: "", confirmPassword: "" });
  const { error, fields, pending, submit } = useValidatedSubmit(ZSetPassword, action, () => setDone(true));
  if (done) {
    return (
      <div className="mt-6 space-y-4">
        <Alert tone="success">{labels.done}</Alert>
        <Link href="/login" className={`${buttonClass("primary")} w-full`}>
          {labels.signIn}
        </Link>
      </div>
    );
  }
  return (
    <SubmitForm className="mt-6 space-y-4" onSubmit={() => submit({ token, ...v })} error={error}>
      {error?.code === "NOT_FOUND" ? (
        <Link href="/forgot-password" className="block text-sm font-medium text-brand-700 hover:underline">
          {labels.askAgain}
        </Link>
      ) : null}
      <Field
        label={labels.password}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={labels.hint}
        value={v.password}
        onChange={(e) => setV({ ...v, password: e.target.value })}
        error={fields.password}
      />
      <Field
        label={labels.confirm}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        value={v.confirmPassword}
        onChange={(e) => setV({ ...v, confirmPassword: e.target.value })}
        error={fields.confirmPassword}
      />
      <Button type="submit" className="w-full" pending={pending}>
        {labels.submit}
      </Button>
    </SubmitForm>
  );
}
