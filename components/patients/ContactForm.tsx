"use client";

import { useState } from "react";
import { onFieldEdit, useSubmit } from "@/components/forms/useSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";

type Contact = {
  phone: string;
  email: string;
  address: string;
  emergencyContactName: string;
  emergencyContactPhone: string;
  emergencyContactRelation: string;
};

/** A patient's own contact details: the only part of the record they edit themselves. */
export function ContactForm({
  initial,
  action,
  labels,
}: {
  initial: Contact;
  action: (i: Partial<Contact>) => Promise<ActionResult<{ id: string }>>;
  labels: { form: Messages["patients"]["form"]; saved: string };
}) {
  const f = labels.form;
  const [v, setV] = useState(initial);
  const [saved, setSaved] = useState(false);
  const { error, fields, pending, submit, edited } = useSubmit(action, () => setSaved(true));
  const input = (k: keyof Contact, label: string, type = "text") => (
    <Field
      label={label}
      name={k}
      type={type}
      value={v[k]}
      error={fields[k]}
      onChange={(e) => {
        setSaved(false);
        setV({ ...v, [k]: e.target.value });
      }}
    />
  );
  return (
    <form
      noValidate
      className="space-y-4"
      onChange={onFieldEdit(edited)}
      onSubmit={(e) => {
        e.preventDefault();
        submit(v);
      }}
    >
      {saved ? <Alert tone="success">{labels.saved}</Alert> : null}
      {error ? <Alert tone="error">{error.fields ? f.fixErrors : error.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {input("phone", f.phone, "tel")}
        {input("email", f.email, "email")}
        <div className="sm:col-span-2">{input("address", f.address)}</div>
      </div>
      <h3 className="text-sm font-semibold text-slate-800">{f.emergency}</h3>
      <div className="grid gap-4 sm:grid-cols-3">
        {input("emergencyContactName", f.contactName)}
        {input("emergencyContactPhone", f.contactPhone, "tel")}
        {input("emergencyContactRelation", f.contactRelation)}
      </div>
      <Button type="submit" pending={pending}>
        {f.submitEdit}
      </Button>
    </form>
  );
}
