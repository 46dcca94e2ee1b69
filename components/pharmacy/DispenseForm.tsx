"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useSubmit } from "@/components/forms/useSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Table, cell } from "@/components/ui/Table";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";

type Line = {
  id: string;
  drug: string;
  directions: string;
  quantity: number;
  dispensed: number;
  remaining: number;
  onHand: number;
};

/** The prescription's lines with a quantity to hand out now for each (all that remains by default). */
export function DispenseForm({
  prescriptionId,
  lines,
  canDispense,
  action,
  labels,
}: {
  prescriptionId: string;
  lines: Line[];
  canDispense: boolean;
  action: (input: Record<string, unknown>) => Promise<ActionResult<{ status: string }>>;
  labels: Messages["pharmacy"]["dispense"];
}) {
  const router = useRouter();
  const initial = () => Object.fromEntries(lines.map((l) => [l.id, String(l.remaining)]));
  const [qty, setQty] = useState<Record<string, string>>(initial);
  const [done, setDone] = useState(false);
  const open = lines.filter((l) => l.remaining > 0);
  const items = open.map((l) => ({ itemId: l.id, quantity: qty[l.id] === "" ? 0 : Number(qty[l.id] ?? 0) }));
  const { error, fields, pending, submit } = useSubmit(action, () => {
    setDone(true);
    // What remains after this dispense becomes the next suggestion.
    setQty(
      Object.fromEntries(
        lines.map((l) => [l.id, String(l.remaining - (items.find((i) => i.itemId === l.id)?.quantity ?? 0))]),
      ),
    );
    router.refresh();
  });
  const fieldFor = (id: string) => fields[`items.${open.findIndex((l) => l.id === id)}.quantity`];
  return (
    <SubmitForm
      onSubmit={() => submit({ prescriptionId, items })}
      error={error && !error.fields ? error : fields.items ? { message: fields.items } : null}
      className="space-y-4"
    >
      {done && open.length ? <Alert tone="success">{labels.done}</Alert> : null}
      {done && !open.length ? <Alert tone="success">{labels.nothingLeft}</Alert> : null}
      <Table
        head={[
          labels.drug,
          labels.directions,
          labels.prescribed,
          labels.dispensed,
          labels.remaining,
          labels.onHand,
          ...(canDispense && open.length ? [labels.toDispense] : []),
        ]}
      >
        {lines.map((l) => (
          <tr key={l.id}>
            <td className={`${cell} font-medium text-slate-900`}>{l.drug}</td>
            <td className={`${cell} text-slate-600`}>{l.directions}</td>
            <td className={`${cell} tabular-nums`}>{l.quantity}</td>
            <td className={`${cell} tabular-nums`}>{l.dispensed}</td>
            <td className={`${cell} tabular-nums font-medium`}>{l.remaining}</td>
            <td className={`${cell} tabular-nums ${l.onHand < l.remaining ? "font-medium text-red-700" : ""}`}>
              {l.onHand}
            </td>
            {canDispense && open.length ? (
              <td className={cell}>
                {l.remaining > 0 ? (
                  <>
                    <input
                      type="number"
                      min={0}
                      max={l.remaining}
                      aria-label={`${labels.toDispense}: ${l.drug}`}
                      aria-invalid={fieldFor(l.id) ? true : undefined}
                      value={qty[l.id] ?? ""}
                      onChange={(e) => {
                        setDone(false);
                        setQty({ ...qty, [l.id]: e.target.value });
                      }}
                      className="w-24 rounded-md border border-slate-300 px-2 py-1 text-sm tabular-nums shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-600"
                    />
                    {fieldFor(l.id) ? <p className="mt-1 text-xs text-red-700">{fieldFor(l.id)}</p> : null}
                  </>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </td>
            ) : null}
          </tr>
        ))}
      </Table>
      {canDispense && open.length ? (
        <Button type="submit" pending={pending}>
          {pending ? labels.submitting : labels.submit}
        </Button>
      ) : null}
    </SubmitForm>
  );
}
