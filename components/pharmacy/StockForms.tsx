"use client";

import { formNumber } from "@/lib/server/validation";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useValidatedSubmit } from "@/components/forms/useValidatedSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { SelectField } from "@/components/ui/Select";
import type { Messages } from "@/lib/i18n/en";
import { ZAdjustBatch, ZReceiveBatch } from "@/lib/pharmacy/schemas";
import type { ActionResult } from "@/lib/server/action";

type Labels = Messages["pharmacy"]["stock"];
type Act = (input: Record<string, unknown>) => Promise<ActionResult<unknown>>;

/** A stock form that clears itself and refreshes the page once the change is saved. */
function useStockForm<V extends Record<string, string>>(
  schema: Parameters<typeof useValidatedSubmit>[0],
  action: Act,
  empty: V,
) {
  const router = useRouter();
  const [v, setV] = useState(empty);
  const [done, setDone] = useState(false);
  const form = useValidatedSubmit(schema, action, () => {
    setDone(true);
    setV(empty);
    router.refresh();
  });
  const change = (patch: Partial<V>) => {
    setDone(false);
    Object.keys(patch).forEach(form.edited);
    setV({ ...v, ...patch });
  };
  return { ...form, v, done, change };
}

export function ReceiveBatchForm({ drugId, action, labels }: { drugId: string; action: Act; labels: Labels }) {
  const { v, done, change, error, fields, pending, submit } = useStockForm(ZReceiveBatch, action, {
    lot: "",
    expiresOn: "",
    quantity: "",
  });
  return (
    <SubmitForm onSubmit={() => submit({ drugId, ...v, quantity: formNumber(v.quantity) })} error={error}>
      {done ? <Alert tone="success">{labels.received_ok}</Alert> : null}
      <Field
        label={labels.lot}
        name="lot"
        value={v.lot}
        onChange={(e) => change({ lot: e.target.value })}
        error={fields.lot}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={labels.expiresOn}
          name="expiresOn"
          type="date"
          value={v.expiresOn}
          onChange={(e) => change({ expiresOn: e.target.value })}
          error={fields.expiresOn}
        />
        <Field
          label={labels.quantity}
          name="quantity"
          type="number"
          min={1}
          value={v.quantity}
          onChange={(e) => change({ quantity: e.target.value })}
          error={fields.quantity}
        />
      </div>
      <Button type="submit" pending={pending}>
        {labels.receiveSubmit}
      </Button>
    </SubmitForm>
  );
}

export function AdjustBatchForm({
  drugId,
  batches,
  action,
  labels,
}: {
  drugId: string;
  batches: { id: string; label: string }[];
  action: Act;
  labels: Labels;
}) {
  const { v, done, change, error, fields, pending, submit } = useStockForm(ZAdjustBatch, action, {
    batchId: "",
    delta: "",
    reason: "",
  });
  return (
    <SubmitForm onSubmit={() => submit({ drugId, ...v, delta: formNumber(v.delta) })} error={error}>
      {done ? <Alert tone="success">{labels.adjusted}</Alert> : null}
      <SelectField
        label={labels.batch}
        name="batchId"
        value={v.batchId}
        onChange={(e) => change({ batchId: e.target.value })}
        error={fields.batchId}
        options={[["", labels.chooseBatch], ...batches.map((b) => [b.id, b.label] as const)]}
      />
      <Field
        label={labels.delta}
        name="delta"
        type="number"
        hint={labels.deltaHint}
        value={v.delta}
        onChange={(e) => change({ delta: e.target.value })}
        error={fields.delta}
      />
      <Field
        label={labels.reason}
        name="reason"
        value={v.reason}
        onChange={(e) => change({ reason: e.target.value })}
        error={fields.reason}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        {labels.adjustSubmit}
      </Button>
    </SubmitForm>
  );
}
