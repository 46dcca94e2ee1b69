import type { InputHTMLAttributes } from "react";
import { controlProps, FieldFrame } from "./FieldFrame";

/** A labelled input with its error below it, wired for screen readers. */
export function Field({
  label,
  name,
  error,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string; hint?: string }) {
  const id = input.id ?? `f-${name}`;
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <input name={name} {...controlProps(id, error, hint)} {...input} />
    </FieldFrame>
  );
}
