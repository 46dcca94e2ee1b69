"use client";

import { formNumber } from "@/lib/server/validation";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useValidatedSubmit } from "@/components/forms/useValidatedSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import type { Messages } from "@/lib/i18n/en";
import { ZAvailability, type AvailabilityInput } from "@/lib/scheduling/schemas";
import type { ActionResult } from "@/lib/server/action";

type Range = { key: number; weekday: number; start: string; end: string };
type Exception = { key: number; date: string; closed: boolean; start: string; end: string };
export type AvailabilityValues = {
  slotMinutes: number;
  weekly: { weekday: number; start: string; end: string }[];
  exceptions: { date: string; start?: string; end?: string }[];
};
type Labels = Messages["scheduling"]["availability"] & { weekdays: readonly string[] };

// Monday first, as a working week reads; weekday numbers stay 0 = Sunday as the API has them.
const WEEK = [1, 2, 3, 4, 5, 6, 0];

/** The form's rows → the API's shape; field error paths (`weekly.3.end`) index this payload. */
function payload(slotMinutes: string, weekly: Range[], exceptions: Exception[]) {
  return {
    slotMinutes: formNumber(slotMinutes),
    weekly: weekly.map(({ weekday, start, end }) => ({ weekday, start, end })),
    exceptions: exceptions.map(({ date, closed, start, end }) => (closed ? { date } : { date, start, end })),
  };
}

const small =
  "block w-full rounded-md border bg-white px-2 py-1.5 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-600";

function TimeInput({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        type="time"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`${small} w-28 ${error ? "border-red-500" : "border-slate-300"}`}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function AvailabilityForm({
  doctorId,
  initial,
  save,
  labels,
}: {
  doctorId: string;
  initial: AvailabilityValues;
  save: (input: { doctorId: string } & Record<string, unknown>) => Promise<ActionResult<{ doctorId: string }>>;
  labels: Labels;
}) {
  const router = useRouter();
  const [slot, setSlot] = useState(String(initial.slotMinutes));
  // Row keys (also in element ids) are the same on the server and in the browser: indexes first, then a counter.
  const counter = useRef(initial.weekly.length + initial.exceptions.length);
  const key = () => ++counter.current;
  const [weekly, setWeekly] = useState<Range[]>(initial.weekly.map((w, i) => ({ ...w, key: i })));
  const [exceptions, setExceptions] = useState<Exception[]>(
    initial.exceptions.map((e, i) => ({
      key: initial.weekly.length + i,
      date: e.date,
      closed: !e.start,
      start: e.start ?? "09:00",
      end: e.end ?? "12:00",
    })),
  );
  const [saved, setSaved] = useState(false);
  const { error, fields, pending, submit } = useValidatedSubmit<Record<string, unknown>, { doctorId: string }>(
    ZAvailability,
    (input) => save({ doctorId, ...input }),
    () => {
      setSaved(true);
      router.refresh();
    },
  );
  const change = () => setSaved(false);
  const setRange = (k: number, patch: Partial<Range>) => {
    change();
    setWeekly(weekly.map((r) => (r.key === k ? { ...r, ...patch } : r)));
  };
  const setException = (k: number, patch: Partial<Exception>) => {
    change();
    setExceptions(exceptions.map((e) => (e.key === k ? { ...e, ...patch } : e)));
  };
  return (
    <SubmitForm
      onSubmit={() =>
        submit(payload(slot, weekly, exceptions) as unknown as AvailabilityInput & Record<string, unknown>)
      }
      error={error}
      className="space-y-6"
    >
      {saved ? <Alert tone="success">{labels.saved}</Alert> : null}
      {Object.keys(fields).length > 0 ? <Alert tone="error">{labels.fixErrors}</Alert> : null}
      <div className="max-w-48">
        <Field
          label={labels.slotMinutes}
          name="slotMinutes"
          type="number"
          min={5}
          max={240}
          step={5}
          value={slot}
          onChange={(e) => {
            change();
            setSlot(e.target.value);
          }}
          error={fields.slotMinutes}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">{labels.weekly}</legend>
        {fields.weekly ? <p className="text-sm text-red-700">{fields.weekly}</p> : null}
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {WEEK.map((day) => {
            const ranges = weekly.map((r, index) => ({ ...r, index })).filter((r) => r.weekday === day);
            const name = labels.weekdays[day];
            return (
              <li key={day} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-start">
                <span className="w-28 pt-1.5 text-sm font-medium text-slate-800">{name}</span>
                <div className="flex flex-1 flex-col gap-2">
                  {ranges.length === 0 ? <span className="pt-1.5 text-sm text-slate-500">{labels.closed}</span> : null}
                  {ranges.map((r) => (
                    <div
                      key={r.key}
                      className="flex flex-wrap items-start gap-2"
                      role="group"
                      aria-label={`${name} ${r.start}–${r.end}`}
                    >
                      <TimeInput
                        id={`weekly-${r.key}-start`}
                        label={`${name} ${labels.start}`}
                        value={r.start}
                        onChange={(v) => setRange(r.key, { start: v })}
                        error={fields[`weekly.${r.index}.start`]}
                      />
                      <span className="pt-1.5 text-slate-500">–</span>
                      <TimeInput
                        id={`weekly-${r.key}-end`}
                        label={`${name} ${labels.end}`}
                        value={r.end}
                        onChange={(v) => setRange(r.key, { end: v })}
                        error={fields[`weekly.${r.index}.end`]}
                      />
                      <Button
                        type="button"
                        variant="secondary"
                        className="px-2 py-1"
                        aria-label={`${labels.remove} ${name} ${r.start}–${r.end}`}
                        onClick={() => {
                          change();
                          setWeekly(weekly.filter((x) => x.key !== r.key));
                        }}
                      >
                        {labels.remove}
                      </Button>
                    </div>
                  ))}
                </div>
                <Button
                  type="button"
                  variant="secondary"
                  className="self-start px-2 py-1"
                  aria-label={`${labels.addRange}: ${name}`}
                  onClick={() => {
                    change();
                    setWeekly([
                      ...weekly,
                      {
                        key: key(),
                        weekday: day,
                        start: ranges.at(-1)?.end ?? "09:00",
                        end: ranges.length ? "18:00" : "17:00",
                      },
                    ]);
                  }}
                >
                  {labels.addRange}
                </Button>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">{labels.exceptions}</legend>
        <p className="text-sm text-slate-600">{labels.exceptionsHint}</p>
        {fields.exceptions ? <p className="text-sm text-red-700">{fields.exceptions}</p> : null}
        <ul className="space-y-2">
          {exceptions.map((e, i) => (
            <li key={e.key} className="flex flex-wrap items-start gap-3 rounded-md border border-slate-200 p-3">
              <div>
                <label htmlFor={`exc-${e.key}-date`} className="block text-xs font-medium text-slate-700">
                  {labels.date}
                </label>
                <input
                  id={`exc-${e.key}-date`}
                  type="date"
                  value={e.date}
                  onChange={(ev) => setException(e.key, { date: ev.target.value })}
                  aria-invalid={fields[`exceptions.${i}.date`] ? true : undefined}
                  className={`${small} ${fields[`exceptions.${i}.date`] ? "border-red-500" : "border-slate-300"}`}
                />
                {fields[`exceptions.${i}.date`] ? (
                  <p className="mt-1 text-xs text-red-700">{fields[`exceptions.${i}.date`]}</p>
                ) : null}
              </div>
              <label className="flex items-center gap-2 pt-5 text-sm">
                <input
                  type="checkbox"
                  checked={e.closed}
                  onChange={(ev) => setException(e.key, { closed: ev.target.checked })}
                />
                {labels.closedDay}
              </label>
              {!e.closed ? (
                <div className="flex items-start gap-2 pt-4">
                  <TimeInput
                    id={`exc-${e.key}-start`}
                    label={`${labels.date} ${e.date} ${labels.start}`}
                    value={e.start}
                    onChange={(v) => setException(e.key, { start: v })}
                    error={fields[`exceptions.${i}.start`]}
                  />
                  <span className="pt-1.5 text-slate-500">–</span>
                  <TimeInput
                    id={`exc-${e.key}-end`}
                    label={`${labels.date} ${e.date} ${labels.end}`}
                    value={e.end}
                    onChange={(v) => setException(e.key, { end: v })}
                    error={fields[`exceptions.${i}.end`]}
                  />
                </div>
              ) : null}
              <Button
                type="button"
                variant="secondary"
                className="mt-4 px-2 py-1"
                onClick={() => {
                  change();
                  setExceptions(exceptions.filter((x) => x.key !== e.key));
                }}
              >
                {labels.remove}
              </Button>
            </li>
          ))}
        </ul>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            change();
            setExceptions([...exceptions, { key: key(), date: "", closed: true, start: "09:00", end: "12:00" }]);
          }}
        >
          {labels.addException}
        </Button>
      </fieldset>
      <Button type="submit" pending={pending}>
        {labels.save}
      </Button>
    </SubmitForm>
  );
}
