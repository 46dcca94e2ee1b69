import type { TextareaHTMLAttributes } from "react";
import { controlProps, FieldFrame } from "@/components/ui/FieldFrame";

/** A labelled multi-line field with its error below it. */
export function TextArea({
  label,
  name,
  error,
  hint,
  rows = 3,
  ...rest
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; error?: string; hint?: string }) {
  const id = rest.id ?? `f-${name}`;
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <textarea name={name} rows={rows} {...controlProps(id, error, hint)} {...rest} />
    </FieldFrame>
  );
}
