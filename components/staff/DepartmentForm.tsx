"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useValidatedSubmit } from "@/components/forms/useValidatedSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { CheckboxField } from "@/components/ui/CheckboxField";
import { Field } from "@/components/ui/Field";
import { ZDepartmentCreate, ZDepartmentUpdate } from "@/lib/departments/schemas";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";

type Values = { name: string; description: string; active: boolean };

export function DepartmentForm({
  mode,
  id,
  initial,
  action,
  labels,
}: {
  mode: "create" | "edit";
  id?: string;
  initial: Values;
  action: (input: Record<string, unknown>) => Promise<ActionResult<{ id: string }>>;
  labels: Messages["staff"]["departments"];
}) {
  const router = useRouter();
  const [v, setV] = useState(initial);
  const [done, setDone] = useState(false);
  const { error, fields, pending, submit, edited } = useValidatedSubmit(
    mode === "create" ? ZDepartmentCreate : ZDepartmentUpdate,
    action,
    () => {
      setDone(true);
      if (mode === "create") setV({ name: "", description: "", active: true });
      router.refresh();
    },
  );
  const change = (patch: Partial<Values>) => {
    setDone(false);
    Object.keys(patch).forEach(edited);
    setV({ ...v, ...patch });
  };
  return (
    <SubmitForm
      onSubmit={() =>
        submit({
          ...(id ? { id, active: v.active } : {}),
          name: v.name,
          description: v.description.trim() === "" ? null : v.description,
        })
      }
      error={error}
    >
      {done ? <Alert tone="success">{mode === "create" ? labels.created : labels.saved}</Alert> : null}
      <Field
        label={labels.name}
        name="name"
        value={v.name}
        onChange={(e) => change({ name: e.target.value })}
        error={fields.name}
      />
      <Field
        label={labels.description}
        name="description"
        value={v.description}
        onChange={(e) => change({ description: e.target.value })}
        error={fields.description}
      />
      {mode === "edit" ? (
        <CheckboxField
          label={labels.active}
          name="active"
          hint={labels.activeHint}
          checked={v.active}
          onChange={(e) => change({ active: e.target.checked })}
        />
      ) : null}
      <Button type="submit" pending={pending}>
        {mode === "create" ? labels.create : labels.save}
      </Button>
    </SubmitForm>
  );
}
