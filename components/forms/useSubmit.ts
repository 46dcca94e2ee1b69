"use client";

import { type FormEvent, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/server/action";

type Failure = Extract<ActionResult<unknown>, { ok: false }>["error"] & { details?: unknown };

/**
 * Calls a server action with a plain object and keeps its last failure for the form to show. Unlike
 * a form `action`, nothing is reset, so a refused attempt keeps what the user typed.
 */
export function useSubmit<I, T>(action: (input: I) => Promise<ActionResult<T>>, onSuccess: (data: T) => void) {
  const [error, setError] = useState<Failure | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (input: I) =>
    startTransition(async () => {
      const result = await action(input);
      if (result.ok) {
        setError(null);
        onSuccess(result.data);
      } else setError(result.error);
    });
  // A field edited since the refusal stops showing its message (the server checks it again on submit).
  const edited = (name: string) =>
    setError((e) =>
      e?.fields && name in e.fields
        ? { ...e, fields: Object.fromEntries(Object.entries(e.fields).filter(([k]) => k !== name)) }
        : e,
    );
  return { error, fields: error?.fields ?? {}, pending, submit, clear: () => setError(null), edited };
}

/**
 * A form's onChange that tells `edited` which field was just changed, so its old message goes at once:
 * by the control's name, or by the key(s) `key` gives where the name and the field's key differ.
 */
export const onFieldEdit =
  (edited: (name: string) => void, key: (name: string) => string | string[] = (n) => n) =>
  (e: FormEvent<HTMLFormElement>) => {
    const name = (e.target as { name?: unknown }).name;
    if (typeof name === "string" && name) for (const k of [key(name)].flat()) edited(k);
  };
