import type { SelectHTMLAttributes } from "react";
import { controlProps, FieldFrame } from "./FieldFrame";

/** A labelled select with its error below it. */
export function SelectField({
  label,
  name,
  error,
  options,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  error?: string;
  options: readonly (readonly [string, string])[];
}) {
  const id = select.id ?? `f-${name}`;
  return (
    <FieldFrame id={id} label={label} error={error}>
      <select name={name} {...controlProps(id, error)} {...select}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
