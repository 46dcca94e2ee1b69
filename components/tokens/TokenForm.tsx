"use client";

import { formNumber } from "@/lib/server/validation";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useValidatedSubmit } from "@/components/forms/useValidatedSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";
import { TOKEN_SCOPES, ZTokenCreate } from "@/lib/tokens/schemas";

/** Creates a token and shows its secret once, with the warning that it cannot be shown again. */
export function TokenForm({
  action,
  labels,
}: {
  action: (input: Record<string, unknown>) => Promise<ActionResult<{ id: string; secret: string }>>;
  labels: Messages["tokens"]["tokens"];
}) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<string>("public-health:read");
  const [days, setDays] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const { error, fields, pending, submit, edited } = useValidatedSubmit(ZTokenCreate, action, (data) => {
    setSecret(data.secret);
    setName("");
    setDays("");
    router.refresh();
  });
  return (
    <SubmitForm
      onSubmit={() => submit({ name, scopes: [scope], ...(days.trim() ? { expiresInDays: formNumber(days) } : {}) })}
      error={error}
    >
      {secret ? (
        <div className="space-y-2">
          <Alert tone="success">{labels.shownOnce}</Alert>
          <label className="block text-sm font-medium text-slate-700" htmlFor="new-token">
            {labels.secret}
          </label>
          <input
            id="new-token"
            readOnly
            value={secret}
            onFocus={(e) => e.target.select()}
            className="w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
          />
        </div>
      ) : null}
      <Field
        label={labels.name}
        name="name"
        value={name}
        onChange={(e) => {
          edited("name");
          setSecret(null);
          setName(e.target.value);
        }}
        error={fields.name}
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">{labels.scopes}</legend>
        {TOKEN_SCOPES.map((s) => (
          <label key={s} className="flex items-center gap-2 text-sm">
            <input type="radio" name="scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
            {labels.scopeLabels[s]}
          </label>
        ))}
        {(fields["scopes.0"] ?? fields.scopes) ? (
          <p className="text-sm text-red-700">{fields["scopes.0"] ?? fields.scopes}</p>
        ) : null}
      </fieldset>
      <Field
        label={labels.expiresInDays}
        name="expiresInDays"
        inputMode="numeric"
        hint={labels.expiresHint}
        value={days}
        onChange={(e) => {
          edited("expiresInDays");
          setDays(e.target.value);
        }}
        error={fields.expiresInDays}
      />
      <Button type="submit" pending={pending}>
        {labels.create}
      </Button>
    </SubmitForm>
  );
}
