import Link from "next/link";
import { OutboxStatus } from "@/components/staff/OutboxStatus";
import { Alert } from "@/components/ui/Alert";
import { PageHeader } from "@/components/ui/Card";
import { Pagination } from "@/components/ui/Pagination";
import { Table, cell } from "@/components/ui/Table";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { listOutbox } from "@/lib/notifications/queries";
import { db } from "@/lib/server/db";
import { formatInstant } from "@/lib/server/format";
import { guardPage } from "@/lib/server/guard";
import { pageListQuery, stringParams } from "@/lib/server/page-query";

export const generateMetadata = titled((m) => m.titles.adminOutbox);

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardPage("outbox.read", "/admin/outbox");
  const locale = await requestLocale();
  const m = (await messages()).staff.outbox;
  const query = pageListQuery(stringParams(await searchParams), ["createdAt"], "-createdAt");
  const { items, total } = await listOutbox(db(), query);
  return (
    <>
      <PageHeader title={m.title} />
      <p className="mb-4 text-sm text-slate-600">{m.intro}</p>
      {items.length === 0 ? (
        <Alert>{m.none}</Alert>
      ) : (
        <Table head={[m.created, m.to, m.subject, m.status]}>
          {items.map((e) => (
            <tr key={e.id}>
              <td className={`${cell} whitespace-nowrap tabular-nums`}>{formatInstant(e.createdAt, locale)}</td>
              <td className={cell}>{e.to}</td>
              <td className={cell}>
                <Link href={`/admin/outbox/${e.id}`} className="font-medium text-brand-700 hover:underline">
                  {e.subject}
                </Link>
              </td>
              <td className={cell}>
                <OutboxStatus status={e.status} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={query.page} pageSize={query.pageSize} total={total} params={{}} />
    </>
  );
}
