"use client";

import { useState } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/server/action";
import { fieldErrors } from "@/lib/server/validation";
import { useSubmit } from "./useSubmit";

/**
 * useSubmit with the server's own zod schema checked first in the browser: field errors show
 * without a round trip, and the server still checks again (it never trusts the client).
 */
export function useValidatedSubmit<I, T>(schema: z.ZodType, action: (input: I) => Promise<ActionResult<T>>, onSuccess: (data: T) => void) {
  const server = useSubmit(action, onSuccess);
  const [local, setLocal] = useState<Record<string, string> | null>(null);
  const submit = (input: I) => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      server.clear();
      setLocal(fieldErrors(parsed.error.issues));
      return;
    }
    setLocal(null);
    server.submit(input);
  };
  return { ...server, fields: local ?? server.fields, submit };
}
