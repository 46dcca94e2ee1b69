"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useSubmit } from "@/components/forms/useSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import type { ActionResult } from "@/lib/server/action";
import { TextArea } from "./TextArea";

type Act = (input: { id: string }) => Promise<ActionResult<unknown>>;

/** The author's sign button on a draft; once signed the page says so (`next`). */
export function SignButton({ id, sign, label, next }: { id: string; sign: Act; label: string; next: string }) {
  const router = useRouter();
  const { error, pending, submit } = useSubmit(sign, () => {
    router.replace(next);
    router.refresh();
  });
  return (
    <div className="space-y-2">
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      <Button type="button" pending={pending} onClick={() => submit({ id })}>
        {label}
      </Button>
    </div>
  );
}

/** An addendum to a signed or locked record: text, then it shows with its author and time. */
export function AddendumForm({
  target,
  add,
  labels,
}: {
  target: Record<string, string>;
  add: (input: Record<string, string> & { text: string }) => Promise<ActionResult<unknown>>;
  labels: { addendum: string; addendumSubmit: string; addendumSaved: string };
}) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [ok, setOk] = useState(false);
  const { error, fields, pending, submit } = useSubmit(add, () => {
    setText("");
    setOk(true);
    router.refresh();
  });
  return (
    <SubmitForm
      className="space-y-3"
      error={error}
      onSubmit={() => {
        setOk(false);
        submit({ ...target, text });
      }}
    >
      {ok ? <Alert tone="success">{labels.addendumSaved}</Alert> : null}
      <TextArea
        id={`addendum-${Object.values(target).join("-")}`}
        name="addendum"
        label={labels.addendum}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={fields.text}
        maxLength={5000}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        {labels.addendumSubmit}
      </Button>
    </SubmitForm>
  );
}
