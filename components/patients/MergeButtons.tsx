"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useSubmit } from "@/components/forms/useSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { useConfirm, type ConfirmText } from "@/components/ui/ConfirmDialog";
import type { ActionResult } from "@/lib/server/action";

/** The merge page's button: asks first, then merges; the page then shows the result (`?merged=`). */
export function MergeButton({
  id,
  duplicateId,
  action,
  label,
  confirmText,
  done,
}: {
  id: string;
  duplicateId: string;
  label: string;
  confirmText: ConfirmText;
  done: string;
  action: (i: { id: string; duplicateId: string }) => Promise<ActionResult<{ mergeId: string | null }>>;
}) {
  const router = useRouter();
  const [merged, setMerged] = useState(false);
  const { error, pending, submit } = useSubmit(action, () => {
    setMerged(true);
    router.replace(`/patients/${id}/merge?merged=${encodeURIComponent(duplicateId)}`);
  });
  const confirm = useConfirm(confirmText);
  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {merged ? <Alert tone="success">{done}</Alert> : null}
      <Button
        type="button"
        variant="danger"
        pending={pending}
        disabled={merged}
        onClick={() => confirm.ask(() => submit({ id, duplicateId }))}
      >
        {label}
      </Button>
      {confirm.dialog}
    </div>
  );
}

/** The survivor's "undo the merge" (admins, within 30 days). */
export function UndoMergeButton({
  id,
  mergeId,
  action,
  label,
  confirmText,
}: {
  id: string;
  mergeId: string;
  label: string;
  confirmText: ConfirmText;
  action: (i: { id: string; mergeId: string }) => Promise<ActionResult<{ duplicateId: string }>>;
}) {
  const router = useRouter();
  const pathname = usePathname();
  // The action revalidates the chart, and the fresh chart has no merge to undo: this panel, and any
  // message inside it, goes with it. The success is said by <MergeUndoneNotice>, which the chart
  // always renders, from the address the page moves to.
  const { error, pending, submit } = useSubmit(action, () => router.replace(`${pathname}?unmerged=1`));
  const confirm = useConfirm(confirmText);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        type="button"
        variant="secondary"
        pending={pending}
        onClick={() => confirm.ask(() => submit({ id, mergeId }))}
      >
        {label}
      </Button>
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {confirm.dialog}
    </div>
  );
}

/** "The merge was undone.", on the survivor's chart after an undo (the undo panel is gone by then). */
export function MergeUndoneNotice({ text }: { text: string }) {
  const params = useSearchParams();
  if (params.get("unmerged") !== "1") return null;
  return (
    <div className="mb-4" data-merge-undone>
      <Alert tone="success">{text}</Alert>
    </div>
  );
}
