import Link from "next/link";
import { notFound } from "next/navigation";
import { EditRecordForm, type FormField } from "@/components/databrowser/EditRecordForm";
import { AuditHistory } from "@/components/databrowser/AuditHistory";
import { Value } from "@/components/databrowser/Value";
import { Card, PageHeader } from "@/components/ui/Card";
import { formatMoney } from "@/lib/billing/money";
import { getRecord, recordHistory, refOptions } from "@/lib/databrowser/queries";
import { entryOf, REGISTRY } from "@/lib/databrowser/registry";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";
import { guardPage } from "@/lib/server/guard";
import { can } from "@/lib/server/permissions";
import { saveRecordAction } from "../../actions";

export const generateMetadata = titled((m) => m.titles.adminDataEntityId);

const HISTORY_PAGE = 20;

export default async function RecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ entity: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { entity, id } = await params;
  const path = `/admin/data/${entity}/${id}`;
  await guardPage("data.browse", path);
  const e = entryOf(entity);
  if (!e) notFound();
  const ctx = await guardPage(e.permission, path);
  const all = await messages();
  const m = all.databrowser;
  const locale = await requestLocale();
  const sp = await searchParams;
  const page = Math.max(1, Number(typeof sp.page === "string" ? sp.page : 1) || 1);
  const record = await getRecord(db(), ctx, e, id).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const history = await recordHistory(
    db(),
    e,
    record,
    parseListQuery(new URLSearchParams({ page: String(page), pageSize: String(HISTORY_PAGE) }), ["seq"], "-seq"),
  );
  const label = (name: string) => (m.fields as Record<string, string>)[name] ?? name;
  const currency = env().HOSPITAL_CURRENCY;
  const codeLabel = (code: string) => (m.codes as Record<string, string>)[code] ?? code;
  const canEdit = e.edit && can(ctx.actor.role, e.edit.permission) ? e.edit : null;
  const initial = canEdit ? (canEdit.load ? await canEdit.load(db(), record.id, record.values) : record.values) : null;
  const editable = initial ? canEdit : null;
  const formFields: FormField[] = editable
    ? await Promise.all(
        editable.fields.map(async ({ ref, ...f }) => ({
          ...f,
          label: label(f.name),
          ...(ref
            ? { choices: await refOptions(db(), ref) }
            : f.options
              ? { choices: f.options.map((o) => ({ value: o, label: codeLabel(o) })) }
              : {}),
        })),
      )
    : [];
  const inApp = e.readOnly?.link?.({ id: record.id, ...record.values });
  const moneyFields = new Set(
    [...e.fields, ...(e.edit?.fields ?? [])].filter((f) => f.kind === "money").map((f) => f.name),
  );
  const valueLabel = (field: string, v: string | number) =>
    typeof v === "number" && moneyFields.has(field)
      ? formatMoney(v, currency, locale)
      : typeof v === "string"
        ? codeLabel(v)
        : String(v);
  return (
    <>
      <PageHeader title={`${m.entities[e.key]} · ${record.label}`}>
        <Link href={`/admin/data/${e.key}`} className="text-sm text-brand-700 hover:underline">
          {m.record.back(m.entities[e.key])}
        </Link>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={m.record.fields}>
          <dl className="divide-y divide-slate-100 text-sm">
            <div className="grid grid-cols-3 gap-3 py-2">
              <dt className="font-medium text-slate-600">{label("id")}</dt>
              <dd className="col-span-2 break-all font-mono text-xs text-slate-700">{record.id}</dd>
            </div>
            {e.fields.map((f) => (
              <div key={f.name} className="grid grid-cols-3 gap-3 py-2">
                <dt className="font-medium text-slate-600">{label(f.name)}</dt>
                <dd className="col-span-2 break-words text-slate-900">
                  <Value
                    kind={f.kind}
                    value={record.values[f.name]}
                    link={record.links[f.name]}
                    locale={locale}
                    currency={currency}
                    yes={m.list.yes}
                    no={m.list.no}
                    codes={m.codes}
                  />
                </dd>
              </div>
            ))}
          </dl>
          {e.children?.some((c) => can(ctx.actor.role, REGISTRY.get(c.entity)!.permission)) ? (
            <>
              <h3 className="mb-2 mt-5 text-sm font-semibold text-slate-900">{m.record.related}</h3>
              <ul className="flex flex-wrap gap-2 text-sm">
                {e.children
                  .filter((c) => can(ctx.actor.role, REGISTRY.get(c.entity)!.permission))
                  .map((c) => (
                    <li key={`${c.entity}-${c.via}`}>
                      <Link
                        href={`/admin/data/${c.entity}?${new URLSearchParams({ [c.via]: record.id })}`}
                        className="inline-block rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-50"
                      >
                        {m.entities[c.entity]}
                      </Link>
                    </li>
                  ))}
              </ul>
            </>
          ) : null}
        </Card>
        <Card title={editable ? m.record.edit : m.record.readOnly}>
          {editable ? (
            <EditRecordForm
              entity={e.key}
              id={record.id}
              fields={formFields}
              initial={initial ?? {}}
              currency={currency}
              labels={{ save: m.record.save, saving: m.record.saving, saved: m.record.saved, none: m.record.none }}
              action={saveRecordAction}
            />
          ) : (
            <div className="space-y-3 text-sm text-slate-700">
              <p>{e.readOnly ? m.reasons[e.readOnly.reason] : m.errors.readOnly}</p>
              {inApp ? (
                <Link href={inApp} className="inline-block text-brand-700 hover:underline">
                  {m.record.openInApp} →
                </Link>
              ) : null}
            </div>
          )}
        </Card>
      </div>
      <section className="mt-6">
        <h2 className="mb-3 text-lg font-semibold text-slate-900">{m.record.history}</h2>
        {e.audit?.idField ? (
          <p className="mb-2 text-sm text-slate-500">{m.record.historySharedWith(e.audit.entity)}</p>
        ) : null}
        {e.audit ? (
          <AuditHistory
            items={history.items}
            total={history.total}
            page={page}
            pageSize={HISTORY_PAGE}
            locale={locale}
            labels={m.record}
            fieldLabel={m.fields as Record<string, string>}
            roleLabel={all.roles}
            valueLabel={valueLabel}
          />
        ) : (
          <p className="text-sm text-slate-600">{m.record.notAudited}</p>
        )}
      </section>
    </>
  );
}
