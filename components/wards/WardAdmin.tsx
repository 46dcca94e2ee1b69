"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  createBedAction,
  createRoomAction,
  createWardAction,
  updateBedAction,
  updateRoomAction,
  updateWardAction,
} from "@/lib/wards/admin-actions";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useSubmit } from "@/components/forms/useSubmit";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { useConfirm } from "@/components/ui/ConfirmDialog";
import { Field } from "@/components/ui/Field";
import { SelectField } from "@/components/ui/Select";
import type { BedState, RoomType, WardType } from "@/lib/generated/prisma/enums";
import type { Messages } from "@/lib/i18n/en";
import type { WardTree } from "@/lib/wards/queries";
import { formNumber } from "@/lib/server/validation";

type L = Messages["wards"]["admin"];
type Names = {
  wardTypes: Record<WardType, string>;
  roomTypes: Record<RoomType, string>;
  states: Record<BedState, string>;
};

function useAct<I>(act: (input: I) => Promise<Awaited<ReturnType<typeof createWardAction>>>, after?: () => void) {
  const router = useRouter();
  return useSubmit(act, () => {
    after?.();
    router.refresh();
  });
}

function NewWard({ l, names, departments }: { l: L; names: Names; departments: { id: string; name: string }[] }) {
  const empty = { name: "", type: "GENERAL" as WardType, departmentId: "" };
  const [f, setF] = useState(empty);
  const { error, fields, pending, submit } = useAct(createWardAction, () => setF(empty));
  return (
    <SubmitForm
      className="grid gap-3 sm:grid-cols-[1fr_12rem_14rem_auto] sm:items-end"
      error={error}
      onSubmit={() => submit(f)}
    >
      <Field
        label={l.name}
        name="wardName"
        value={f.name}
        onChange={(e) => setF({ ...f, name: e.target.value })}
        error={fields.name}
      />
      <SelectField
        label={l.type}
        name="wardType"
        value={f.type}
        onChange={(e) => setF({ ...f, type: e.target.value as WardType })}
        options={Object.entries(names.wardTypes)}
      />
      <SelectField
        label={l.department}
        name="wardDepartment"
        value={f.departmentId}
        onChange={(e) => setF({ ...f, departmentId: e.target.value })}
        options={[["", "—"], ...departments.map((d) => [d.id, d.name] as const)]}
      />
      <Button type="submit" pending={pending}>
        {l.newWard}
      </Button>
    </SubmitForm>
  );
}

function NewRoom({ wardId, l, names }: { wardId: string; l: L; names: Names }) {
  const empty = { name: "", type: "SHARED" as RoomType, capacity: "4" };
  const [f, setF] = useState(empty);
  const { error, fields, pending, submit } = useAct(createRoomAction, () => setF(empty));
  return (
    <SubmitForm
      className="grid gap-3 sm:grid-cols-[1fr_10rem_7rem_auto] sm:items-end"
      error={error}
      onSubmit={() => submit({ ...f, wardId, capacity: Number(f.capacity) })}
    >
      <Field
        label={l.name}
        name={`room-${wardId}`}
        value={f.name}
        onChange={(e) => setF({ ...f, name: e.target.value })}
        error={fields.name}
      />
      <SelectField
        label={l.type}
        name={`roomType-${wardId}`}
        value={f.type}
        onChange={(e) => setF({ ...f, type: e.target.value as RoomType })}
        options={Object.entries(names.roomTypes)}
      />
      <Field
        label={l.capacity}
        name={`capacity-${wardId}`}
        type="number"
        min={1}
        max={20}
        value={f.capacity}
        onChange={(e) => setF({ ...f, capacity: e.target.value })}
        error={fields.capacity}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        {l.newRoom}
      </Button>
    </SubmitForm>
  );
}

function NewBed({ roomId, l }: { roomId: string; l: L }) {
  const [label, setLabel] = useState("");
  const { error, fields, pending, submit } = useAct(createBedAction, () => setLabel(""));
  return (
    <SubmitForm className="flex items-end gap-2" error={error} onSubmit={() => submit({ roomId, label })}>
      <div className="w-32">
        <Field
          label={l.label}
          name={`bed-${roomId}`}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          error={fields.label}
        />
      </div>
      <Button type="submit" variant="secondary" pending={pending}>
        {l.newBed}
      </Button>
    </SubmitForm>
  );
}

/** The ward's routine observation frequency (the nurse's "vitals due" starts from it). */
function ObservationHours({ ward, l }: { ward: { id: string; observationHours: number }; l: L }) {
  const [hours, setHours] = useState(String(ward.observationHours));
  const { error, fields, pending, submit } = useAct(updateWardAction);
  return (
    <SubmitForm
      className="flex flex-wrap items-end gap-2"
      error={error}
      onSubmit={() => submit({ id: ward.id, patch: { observationHours: formNumber(hours) } })}
    >
      <Field
        label={l.observationHours}
        name={`observationHours-${ward.id}`}
        type="number"
        min={1}
        max={24}
        value={hours}
        onChange={(e) => setHours(e.target.value)}
        error={fields["patch.observationHours"] ?? fields.observationHours}
        hint={l.observationHoursHint}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        {l.save}
      </Button>
    </SubmitForm>
  );
}

/** Activate / deactivate: wards, rooms and beds are kept with their history, never deleted. Deactivating asks first. */
function Toggle<I>({
  what,
  active,
  act,
  input,
  l,
}: {
  what: "ward" | "room" | "bed";
  active: boolean;
  act: (input: I) => Promise<Awaited<ReturnType<typeof createWardAction>>>;
  input: (active: boolean) => I;
  l: L;
}) {
  const { error, pending, submit } = useAct(act);
  const confirm = useConfirm({
    title: l.confirmDeactivateTitle[what],
    consequence: l.confirmDeactivateText[what],
    confirm: l.deactivate,
    cancel: l.confirmBack,
  });
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => (active ? confirm.ask(() => submit(input(false))) : submit(input(true)))}
        className="text-xs font-medium text-brand-700 underline disabled:text-slate-400"
      >
        {active ? l.deactivate : l.activate}
      </button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error.message}
        </span>
      ) : null}
      {confirm.dialog}
    </span>
  );
}

/** Wards with their rooms and beds inline, each with its add form. */
export function WardAdmin({
  wards,
  departments,
  l,
  names,
}: {
  wards: WardTree;
  departments: { id: string; name: string }[];
  l: L;
  names: Names;
}) {
  return (
    <div className="space-y-6">
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <NewWard l={l} names={names} departments={departments} />
      </section>
      {wards.length === 0 ? <p className="text-sm text-slate-600">{l.noWards}</p> : null}
      {wards.map((w) => (
        <section
          key={w.id}
          aria-labelledby={`w-${w.id}`}
          className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id={`w-${w.id}`} className="text-lg font-semibold text-slate-900">
              {w.name}{" "}
              <span className="text-sm font-normal text-slate-600">
                · {names.wardTypes[w.type]}
                {w.departmentId ? ` · ${departments.find((d) => d.id === w.departmentId)?.name ?? ""}` : ""}
              </span>{" "}
              {w.active ? null : <Badge>{l.inactive}</Badge>}
            </h2>
            <Toggle
              what="ward"
              l={l}
              active={w.active}
              act={updateWardAction}
              input={(active) => ({ id: w.id, patch: { active } })}
            />
          </div>
          <ObservationHours ward={w} l={l} />
          <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
            {w.rooms.map((r) => (
              <li key={r.id} className="rounded-md border border-slate-200 p-3">
                <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                  <p className="text-sm font-medium text-slate-900">
                    {r.name}{" "}
                    <span className="font-normal text-slate-600">
                      · {names.roomTypes[r.type]} · {l.capacity} {r.capacity}
                    </span>{" "}
                    {r.active ? null : <Badge>{l.inactive}</Badge>}
                  </p>
                  <Toggle
                    what="room"
                    l={l}
                    active={r.active}
                    act={updateRoomAction}
                    input={(active) => ({ id: r.id, patch: { active } })}
                  />
                </div>
                <ul className="mb-3 flex flex-wrap gap-2">
                  {r.beds.map((b) => (
                    <li
                      key={b.id}
                      className={`flex items-center gap-2 rounded border px-2 py-1 text-sm ${b.active ? "border-slate-300" : "border-dashed border-slate-300 text-slate-500"}`}
                    >
                      <span className="font-medium">{b.label}</span>
                      <span className="text-xs text-slate-600">{b.active ? names.states[b.state] : l.inactive}</span>
                      <Toggle
                        what="bed"
                        l={l}
                        active={b.active}
                        act={updateBedAction}
                        input={(active) => ({ id: b.id, patch: { active } })}
                      />
                    </li>
                  ))}
                </ul>
                <NewBed roomId={r.id} l={l} />
              </li>
            ))}
          </ul>
          <NewRoom wardId={w.id} l={l} names={names} />
        </section>
      ))}
    </div>
  );
}
