"use client";

import Link from "next/link";
import { useState } from "react";
import { onFieldEdit, useSubmit } from "@/components/forms/useSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button, buttonClass } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { SelectField } from "@/components/ui/Select";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";
import { SEXES } from "@/lib/patients/schemas";

type Values = {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: string;
  phone: string;
};

export function SelfRegisterForm({
  action,
  labels,
}: {
  action: (i: Partial<Values>) => Promise<ActionResult<{ done: boolean }>>;
  labels: {
    form: Messages["patients"]["form"];
    registration: Messages["patients"]["registration"];
    registered: Messages["accounts"]["registered"];
  };
}) {
  const f = labels.form;
  const r = labels.registration;
  const [v, setV] = useState<Values>({
    email: "",
    password: "",
    firstName: "",
    lastName: "",
    dateOfBirth: "",
    sex: "",
    phone: "",
  });
  const [sent, setSent] = useState(false);
  // The same answer whether or not the address already has an account: the email says which.
  const { error, fields, pending, submit, edited } = useSubmit(action, () => setSent(true));
  if (sent) {
    return (
      <div className="mt-6 space-y-4" role="status">
        <h2 className="text-lg font-semibold">{labels.registered.title}</h2>
        <p className="text-sm text-slate-700">{labels.registered.body}</p>
        <Link href="/login" className={`${buttonClass("primary")} w-full`}>
          {labels.registered.signIn}
        </Link>
      </div>
    );
  }
  const set = (k: keyof Values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setV({ ...v, [k]: e.target.value });
  const clean = () => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== "")) as Partial<Values>;
  return (
    <form
      noValidate
      className="mt-6 space-y-4"
      onChange={onFieldEdit(edited)}
      onSubmit={(e) => {
        e.preventDefault();
        submit(clean());
      }}
    >
      {error ? <Alert tone="error">{error.fields ? f.fixErrors : error.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={f.firstName}
          name="firstName"
          value={v.firstName}
          onChange={set("firstName")}
          error={fields.firstName}
          autoComplete="given-name"
        />
        <Field
          label={f.lastName}
          name="lastName"
          value={v.lastName}
          onChange={set("lastName")}
          error={fields.lastName}
          autoComplete="family-name"
        />
        <Field
          label={f.dateOfBirth}
          name="dateOfBirth"
          type="date"
          value={v.dateOfBirth}
          onChange={set("dateOfBirth")}
          error={fields.dateOfBirth}
        />
        <SelectField
          label={f.sex}
          name="sex"
          value={v.sex}
          onChange={set("sex")}
          error={fields.sex}
          options={[["", "—"], ...SEXES.map((s) => [s, f.sexes[s]] as const)]}
        />
      </div>
      <Field
        label={f.phone}
        name="phone"
        type="tel"
        value={v.phone}
        onChange={set("phone")}
        error={fields.phone}
        autoComplete="tel"
      />
      <Field
        label={f.email}
        name="email"
        type="email"
        value={v.email}
        onChange={set("email")}
        error={fields.email}
        autoComplete="username"
      />
      <Field
        label={r.password}
        name="password"
        type="password"
        value={v.password}
        onChange={set("password")}
        error={fields.password}
        hint={r.passwordHint}
        autoComplete="new-password"
      />
      <Button type="submit" className="w-full" pending={pending}>
        {r.submit}
      </Button>
      <p className="text-center text-sm text-slate-600">
        {r.haveAccount}{" "}
        <Link href="/login" className="font-medium text-brand-700 hover:underline">
          {r.signIn}
        </Link>
      </p>
    </form>
  );
}
