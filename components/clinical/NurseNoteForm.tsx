"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { onFieldEdit, useSubmit } from "@/components/forms/useSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { SelectField } from "@/components/ui/Select";
import { NOTE_CATEGORIES, SHIFTS } from "@/lib/clinical/schemas";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";
import { TextArea } from "./TextArea";

type Add = (input: {
  patientId: string;
  noteId?: string;
  shift: string;
  category: string;
  text: string;
}) => Promise<ActionResult<{ id: string }>>;

/** A new nurse note, or (with `note`) the author's correction of one within its edit window. */
export function NurseNoteForm({
  patientId,
  add,
  labels,
  defaultShift,
  note,
}: {
  patientId: string;
  add: Add;
  labels: Messages["clinical"]["notes"];
  defaultShift: string;
  note?: { id: string; shift: string; category: string; text: string };
}) {
  const router = useRouter();
  const [v, setV] = useState(
    note
      ? { shift: note.shift, category: note.category, text: note.text }
      : { shift: defaultShift, category: "OBSERVATION", text: "" },
  );
  const [ok, setOk] = useState(false);
  const { error, fields, pending, submit, edited } = useSubmit(add, () => {
    if (!note) setV({ ...v, text: "" });
    setOk(true);
    router.refresh();
  });
  return (
    <SubmitForm
      className="space-y-3"
      error={error}
      onChange={onFieldEdit(edited, (n) => (n === "noteText" ? "text" : n))}
      onSubmit={() => {
        setOk(false);
        submit({ patientId, ...(note ? { noteId: note.id } : {}), ...v });
      }}
    >
      {ok ? <Alert tone="success">{labels.saved}</Alert> : null}
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          id={`note-shift-${note?.id ?? "new"}`}
          name="shift"
          label={labels.shift}
          value={v.shift}
          onChange={(e) => setV({ ...v, shift: e.target.value })}
          error={fields.shift}
          options={SHIFTS.map((s) => [s, labels.shifts[s]] as const)}
        />
        <SelectField
          id={`note-category-${note?.id ?? "new"}`}
          name="category"
          label={labels.category}
          value={v.category}
          onChange={(e) => setV({ ...v, category: e.target.value })}
          error={fields.category}
          options={NOTE_CATEGORIES.map((c) => [c, labels.categories[c]] as const)}
        />
      </div>
      <TextArea
        id={`note-text-${note?.id ?? "new"}`}
        name="noteText"
        label={labels.text}
        value={v.text}
        onChange={(e) => setV({ ...v, text: e.target.value })}
        error={fields.text}
        maxLength={5000}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        {note ? labels.update : labels.submit}
      </Button>
    </SubmitForm>
  );
}
