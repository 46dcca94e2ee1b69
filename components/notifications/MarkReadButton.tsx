"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { markReadAction } from "@/lib/notifications/actions";
import { Button } from "@/components/ui/Button";

/** Marks one notification (`id`) or all of the caller's (`all`) read, then refreshes the page and the bell. */
export function MarkReadButton({ id, all, label }: { id?: string; all?: boolean; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      type="button"
      variant="secondary"
      pending={pending}
      className={id ? "px-3 py-1 text-xs" : ""}
      onClick={() =>
        startTransition(async () => {
          const r = await markReadAction(all ? { all: true } : { ids: id ? [id] : [] });
          if (r.ok) router.refresh();
        })
      }
    >
      {label}
    </Button>
  );
}
