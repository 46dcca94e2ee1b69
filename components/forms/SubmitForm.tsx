"use client";

import { Alert } from "@/components/ui/Alert";

/**
 * A form submitted by script (never reset, so a refusal keeps what was typed) that shows a failure
 * without field messages, such as a conflict or an expired link, above its fields.
 */
export function SubmitForm({
  onSubmit,
  onChange,
  error,
  className = "space-y-4",
  children,
}: {
  onSubmit: () => void;
  /** Told of every edit of a control inside (onFieldEdit), to clear that field's message. */
  onChange?: React.FormEventHandler<HTMLFormElement>;
  error: { message: string; fields?: Record<string, string> } | null;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <form
      noValidate
      className={className}
      onChange={onChange}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {error && !error.fields ? <Alert tone="error">{error.message}</Alert> : null}
      {children}
    </form>
  );
}
