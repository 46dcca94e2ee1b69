"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import type { Messages } from "@/lib/i18n/en";
import { safeRedirectPath } from "@/lib/server/safe-redirect";

export function LoginForm({
  next,
  notice,
  labels,
}: {
  next: string;
  notice?: { tone: "success" | "info"; text: string };
  labels: Omit<Messages["login"], "ended">;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    const result = await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // The server already kept only a path of this app; checked again against where the browser really is.
      router.replace(safeRedirectPath(next, window.location.origin));
      router.refresh();
      return;
    }
    setPending(false);
    setError(
      result?.error === "RATE_LIMITED"
        ? labels.rateLimited
        : result?.error === "CredentialsSignin"
          ? labels.badCredentials
          : labels.failed,
    );
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      {notice && !error ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field label={labels.email} name="email" type="email" autoComplete="username" required autoFocus />
      <Field label={labels.password} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" pending={pending}>
        {pending ? labels.submitting : labels.submit}
      </Button>
    </form>
  );
}
