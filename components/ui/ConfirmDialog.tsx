"use client";

import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button } from "./Button";

export type ConfirmText = {
  /** The question, e.g. "Discharge Kofi Diallo?" */
  title: string;
  /** What will happen, stated plainly, e.g. "The bed is freed for cleaning and the stay can no longer be changed." */
  consequence: string;
  confirm: string;
  cancel: string;
  variant?: "primary" | "danger";
};

/**
 * A modal question before a consequential action, on the native <dialog>: the browser keeps focus
 * inside it, Escape cancels, and focus returns to what opened it. The safe choice (cancel) has the
 * focus first, so Enter never confirms by accident.
 */
export function ConfirmDialog({
  open,
  text,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  text: ConfirmText;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    // showModal focuses the first button (cancel, autoFocus); closing returns focus to the opener.
    if (open && !d.open) d.showModal();
    else if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-consequence`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-3 p-5">
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
          {text.title}
        </h2>
        <p id={`${id}-consequence`} className="text-sm text-slate-700">
          {text.consequence}
        </p>
        <div className="flex flex-wrap justify-end gap-2 pt-2">
          <Button autoFocus type="button" variant="secondary" onClick={onCancel}>
            {text.cancel}
          </Button>
          <Button type="button" variant={text.variant ?? "danger"} onClick={onConfirm}>
            {text.confirm}
          </Button>
        </div>
      </div>
    </dialog>
  );
}

/**
 * `ask(run)` opens the dialog; `run` is called only if the reader confirms. Render `dialog` once.
 * For forms: `onSubmit={() => ask(() => submit(values))}`.
 */
export function useConfirm(text: ConfirmText): { ask: (run: () => void) => void; dialog: ReactNode } {
  const [pending, setPending] = useState<(() => void) | null>(null);
  const ask = useCallback((run: () => void) => setPending(() => run), []);
  const dialog = (
    <ConfirmDialog
      open={pending !== null}
      text={text}
      onCancel={() => setPending(null)}
      onConfirm={() => {
        const run = pending;
        setPending(null);
        run?.();
      }}
    />
  );
  return { ask, dialog };
}
