"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { CheckboxField } from "@/components/ui/CheckboxField";
import { Field } from "@/components/ui/Field";
import { SelectField } from "@/components/ui/Select";
import { DOCUMENT_CATEGORIES } from "@/lib/documents/schemas";
import { useCatalog } from "@/lib/i18n/client";

type Failure = { message: string; fields: Record<string, string> };

/**
 * Attaches a document to the chart. The file goes to the API's upload route (multipart, its own
 * size limit, streamed to the database), not through a server action, whose body limit is the
 * app's 1 MB: the browser sends the form's fields first and the file last, as the route asks.
 */
export function DocumentUploadForm({
  patientId,
  maxBytes,
  maxLabel,
  consultations,
  admissions,
  today,
}: {
  patientId: string;
  maxBytes: number;
  maxLabel: string;
  consultations: { id: string; label: string }[];
  admissions: { id: string; label: string }[];
  today: string;
}) {
  const m = useCatalog().documents;
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [category, setCategory] = useState<string>("referral");
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState(false);

  const onSubmit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setDone(false);
    const form = e.currentTarget;
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (file && file.size > maxBytes)
      return setFailure({ message: m.errors.tooLarge(maxLabel), fields: { file: m.errors.tooLarge(maxLabel) } });
    // Empty optional fields are left out; the file is appended last (the route reads the fields first).
    const data = new FormData();
    for (const [k, v] of new FormData(form))
      if (k !== "file" && typeof v === "string" && v.trim() !== "") data.append(k, v);
    if (file) data.append("file", file);
    setPending(true);
    try {
      const res = await fetch(`/api/v1/patients/${encodeURIComponent(patientId)}/documents`, {
        method: "POST",
        body: data,
        credentials: "same-origin",
      });
      if (res.ok) {
        setFailure(null);
        setDone(true);
        formRef.current?.reset();
        setCategory("referral");
        router.refresh();
        return;
      }
      const body = (await res.json().catch(() => null)) as {
        error?: { message?: string; fields?: Record<string, string> };
      } | null;
      setFailure({ message: body?.error?.message ?? m.errors.badForm, fields: body?.error?.fields ?? {} });
    } catch {
      setFailure({ message: m.errors.badForm, fields: {} });
    } finally {
      setPending(false);
    }
  };

  const f = failure?.fields ?? {};
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2" aria-label={m.upload} noValidate>
      <Field name="title" label={m.fields.title} required maxLength={200} error={f.title} />
      <SelectField
        name="category"
        label={m.fields.category}
        value={category}
        onChange={(e) => setCategory(e.target.value)}
        error={f.category}
        options={DOCUMENT_CATEGORIES.map((c) => [c, m.categories[c]] as const)}
      />
      <Field
        name="documentDate"
        type="date"
        label={m.fields.documentDate}
        required
        defaultValue={today}
        max={today}
        error={f.documentDate}
      />
      {category === "consent" ? (
        <Field
          name="consentSignedOn"
          type="date"
          label={m.fields.consentSignedOn}
          required
          defaultValue={today}
          max={today}
          error={f.consentSignedOn}
        />
      ) : (
        <div className="hidden md:block" />
      )}
      {consultations.length ? (
        <SelectField
          name="consultationId"
          label={m.fields.consultation}
          defaultValue=""
          error={f.consultationId}
          options={[["", m.fields.none], ...consultations.map((c) => [c.id, c.label] as const)]}
        />
      ) : null}
      {admissions.length ? (
        <SelectField
          name="admissionId"
          label={m.fields.admission}
          defaultValue=""
          error={f.admissionId}
          options={[["", m.fields.none], ...admissions.map((a) => [a.id, a.label] as const)]}
        />
      ) : null}
      <div className="md:col-span-2">
        <CheckboxField name="sharedWithPatient" label={m.fields.shared} value="true" />
      </div>
      <div className="md:col-span-2">
        <Field
          name="file"
          type="file"
          label={m.fields.file}
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          required
          hint={m.maxSize(maxLabel)}
          error={f.file}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3 md:col-span-2">
        <Button type="submit" pending={pending}>
          {pending ? m.uploading : m.upload}
        </Button>
        {failure ? <Alert tone="error">{failure.message}</Alert> : null}
        {done ? <Alert tone="success">{m.uploaded}</Alert> : null}
      </div>
    </form>
  );
}
