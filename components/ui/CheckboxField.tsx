import type { InputHTMLAttributes } from "react";

/** A checkbox with its label beside it and a hint below the label, wired for screen readers. */
export function CheckboxField({
  label,
  name,
  hint,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { label: string; name: string; hint?: string }) {
  const id = input.id ?? `f-${name}`;
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        name={name}
        type="checkbox"
        className="mt-1 h-4 w-4"
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...input}
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
