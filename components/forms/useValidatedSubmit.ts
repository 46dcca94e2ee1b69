"use client";

import { useState } from "react";
import type { z } from "zod";
import { useAppLocale } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/server/action";
import { fieldErrors } from "@/lib/server/validation";
import { useSubmit } from "./useSubmit";

/**
 * useSubmit with the server's own zod schema checked first in the browser: field errors show
 * without a round trip, and the server still checks again (it never trusts the client). A field
 * edited since the last attempt stops showing its old error (`edited(name)`).
 */
export function useValidatedSubmit<I, T>(
  schema: z.ZodType,
  action: (input: I) => Promise<ActionResult<T>>,
  onSuccess: (data: T) => void,
) {
  const server = useSubmit(action, onSuccess);
  const locale = useAppLocale();
  const [local, setLocal] = useState<Record<string, string> | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const submit = (input: I) => {
    setTouched(new Set());
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      server.clear();
      // The schema's messages are catalogue keys; shown in the reader's language, as the server would.
      setLocal(fieldErrors(parsed.error.issues, locale));
      return;
    }
    setLocal(null);
    server.submit(input);
  };
  const fields = Object.fromEntries(Object.entries(local ?? server.fields).filter(([k]) => !touched.has(k)));
  const edited = (name: string) => {
    if (!touched.has(name)) setTouched(new Set(touched).add(name));
  };
  return { ...server, fields, submit, edited };
}
