import Link from "next/link";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { messages } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { firstRunChecklist } from "@/lib/setup/checklist";

/** The admin's first-run checklist (lib/setup/checklist.ts), shown until every item is done. */
export async function FirstRunChecklist() {
  const m = (await messages()).setup.checklist;
  const items = await firstRunChecklist(db());
  if (items.every((i) => i.done)) return null;
  return (
    <Card title={m.title}>
      <p className="mb-3 text-sm text-slate-600">{m.intro}</p>
      <ul className="divide-y divide-slate-100" data-testid="first-run-checklist">
        {items.map((item) => (
          <li key={item.key} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm" data-done={item.done}>
            <Badge tone={item.done ? "success" : "warning"}>{item.done ? m.done : m.todo}</Badge>
            <span className="font-medium text-slate-900">{m.items[item.key]}</span>
            {!item.done && item.setting ? <span className="text-slate-600">{m.setting(item.setting)}</span> : null}
            {!item.done && item.href ? (
              <Link href={item.href} className="font-medium text-brand-700 hover:underline">
                {m.open} <span aria-hidden="true">→</span>
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
