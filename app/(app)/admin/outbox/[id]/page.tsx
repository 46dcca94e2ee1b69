import Link from "next/link";
import { notFound } from "next/navigation";
import { EmailText, OutboxStatus } from "@/components/staff/OutboxStatus";
import { Card, PageHeader } from "@/components/ui/Card";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { getOutboxEmail } from "@/lib/notifications/queries";
import { db } from "@/lib/server/db";
import { formatInstant } from "@/lib/server/format";
import { guardPage } from "@/lib/server/guard";

export const generateMetadata = titled((m) => m.titles.adminOutboxId);

export default async function OutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await guardPage("outbox.read", `/admin/outbox/${id}`);
  const locale = await requestLocale();
  const m = (await messages()).staff.outbox;
  const email = await getOutboxEmail(db(), id);
  if (!email) notFound();
  return (
    <>
      <PageHeader title={email.subject}>
        <Link href="/admin/outbox" className="text-sm text-brand-700 hover:underline">
          ← {m.back}
        </Link>
      </PageHeader>
      <Card className="max-w-3xl">
        <dl className="mb-4 grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-500">{m.to}</dt>
          <dd>{email.to}</dd>
          <dt className="text-slate-500">{m.status}</dt>
          <dd>
            <OutboxStatus status={email.status} />
          </dd>
          <dt className="text-slate-500">{m.created}</dt>
          <dd className="tabular-nums">{formatInstant(email.createdAt, locale)}</dd>
          <dt className="text-slate-500">{m.sentAt}</dt>
          <dd className="tabular-nums">{formatInstant(email.sentAt, locale)}</dd>
          {email.error ? (
            <>
              <dt className="text-slate-500">{m.error}</dt>
              <dd className="text-red-700">{email.error}</dd>
            </>
          ) : null}
        </dl>
        <EmailText text={email.text} />
      </Card>
    </>
  );
}
