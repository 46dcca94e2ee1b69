import { PatientBanner } from "@/components/patients/PatientBanner";
import { bannerFor } from "@/lib/patients/banner";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BillingForm } from "@/components/billing/BillingForm";
import { InvoiceStatusBadge } from "@/components/billing/InvoiceStatusBadge";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { Card, PageHeader } from "@/components/ui/Card";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { cell, Table } from "@/components/ui/Table";
import { formatMoney, toDecimal } from "@/lib/billing/money";
import { getInvoice } from "@/lib/billing/queries";
import { lineDescription } from "@/lib/billing/line-text";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { formatDay, formatInstant } from "@/lib/server/format";
import { guardPage } from "@/lib/server/guard";
import { can } from "@/lib/server/permissions";
import { addLineAction, refundAction, takePaymentAction, voidInvoiceAction } from "../actions";

export const generateMetadata = titled((m) => m.titles.billingId);

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await guardPage("billing.read", `/billing/${id}`);
  const locale = await requestLocale();
  const m = (await messages()).billing;
  const d = m.detail;
  const inv = await getInvoice(db(), ctx, id).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const money = (n: number) => formatMoney(n, inv.currency, locale);
  const manage = can(ctx.actor.role, "billing.manage") && inv.status !== "void";
  const methods = Object.entries(m.methods) as [string, string][];
  const banner = await bannerFor(db(), ctx, inv.patient.id);
  return (
    <>
      <PatientBanner banner={banner} chartLink={can(ctx.actor.role, "patient.chart.read")} />
      <PageHeader title={m.phrases.invoiceTitle(inv.number)}>
        <div className="flex flex-wrap gap-2">
          <a href={`/api/v1/invoices/${inv.id}/pdf`} className={buttonClass("secondary")} download>
            {d.printInvoice}
          </a>
          <Link href="/billing" className={buttonClass("secondary")}>
            {d.back}
          </Link>
        </div>
      </PageHeader>
      {inv.status === "void" ? <Alert tone="error">{`${d.voided} ${inv.voidReason ?? ""}`}</Alert> : null}
      <div className={manage ? "grid gap-6 lg:grid-cols-3" : "max-w-4xl"}>
        <div className={manage ? "space-y-6 lg:col-span-2" : "space-y-6"}>
          <Card>
            <DefinitionList
              rows={[
                // The chart link only for who may open the chart (a records officer's would be a 404).
                [
                  d.patient,
                  !can(ctx.actor.role, "patient.chart.read") ? (
                    <span key="p">
                      {inv.patient.name} · <span className="whitespace-nowrap">{inv.patient.mrn}</span>
                    </span>
                  ) : (
                    <Link key="p" href={`/patients/${inv.patient.id}`} className="text-brand-700 hover:underline">
                      {inv.patient.name} · <span className="whitespace-nowrap">{inv.patient.mrn}</span>
                    </Link>
                  ),
                ],
                [d.issued, formatInstant(inv.issuedAt, locale)],
                ...(inv.status === "void" ? [] : [[d.due, formatDay(inv.dueAt, locale)] as [string, string]]),
                [m.list.status, <InvoiceStatusBadge key="s" status={inv.status} label={m.statuses[inv.status]} />],
              ]}
            />
          </Card>
          <section aria-labelledby="lines-title" className="space-y-2">
            <h2 id="lines-title" className="text-lg font-semibold text-slate-900">
              {d.lines}
            </h2>
            {inv.lines.length === 0 ? (
              <Alert>{d.noLines}</Alert>
            ) : (
              <Table head={[d.description, d.kind, d.quantity, d.unit, d.amount]}>
                {inv.lines.map((l) => (
                  <tr key={l.id}>
                    <td className={cell}>{lineDescription(l, locale)}</td>
                    <td className={cell}>{m.kinds[l.kind as keyof typeof m.kinds]}</td>
                    <td className={`${cell} text-right tabular-nums`}>{l.quantity}</td>
                    <td className={`${cell} text-right tabular-nums`}>{money(l.unitAmount)}</td>
                    <td className={`${cell} text-right tabular-nums`}>{money(l.amount)}</td>
                  </tr>
                ))}
              </Table>
            )}
            <dl className="ml-auto grid max-w-xs grid-cols-2 gap-x-4 gap-y-1 text-sm" data-testid="invoice-totals">
              <dt className="text-slate-600">{d.total}</dt>
              <dd className="text-right font-semibold tabular-nums">{money(inv.total)}</dd>
              <dt className="text-slate-600">{d.paid}</dt>
              <dd className="text-right tabular-nums">{money(inv.paid)}</dd>
              <dt className="text-slate-600">{d.balance}</dt>
              <dd className="text-right font-semibold tabular-nums" data-testid="balance">
                {money(inv.balance)}
              </dd>
            </dl>
          </section>
          <section aria-labelledby="payments-title" className="space-y-2">
            <h2 id="payments-title" className="text-lg font-semibold text-slate-900">
              {d.payments}
            </h2>
            {inv.payments.length === 0 ? (
              <Alert>{d.noPayments}</Alert>
            ) : (
              <Table head={[d.receipt, d.when, d.method, d.reference, d.amount, ""]}>
                {inv.payments.map((p) => (
                  <tr key={p.id}>
                    <td className={cell}>{p.receiptNumber}</td>
                    <td className={cell}>{formatInstant(p.receivedAt, locale)}</td>
                    <td className={cell}>{m.methods[p.method as keyof typeof m.methods]}</td>
                    <td className={cell}>{p.amount < 0 ? p.reason : (p.reference ?? "—")}</td>
                    <td className={`${cell} text-right tabular-nums`}>{money(p.amount)}</td>
                    <td className={cell}>
                      <a href={`/api/v1/payments/${p.id}/receipt`} className="text-brand-700 hover:underline" download>
                        {d.printReceipt}
                      </a>
                    </td>
                  </tr>
                ))}
              </Table>
            )}
          </section>
        </div>
        {manage ? (
          <div className="space-y-6">
            <Card>
              {inv.balance > 0 ? (
                <BillingForm
                  key={`pay-${inv.balance}`}
                  title={d.takePayment}
                  fixed={{ invoiceId: inv.id }}
                  fields={[
                    {
                      name: "amount",
                      label: `${d.amountLabel} (${inv.currency})`,
                      inputMode: "decimal",
                      defaultValue: toDecimal(inv.balance, inv.currency, locale),
                    },
                    { name: "method", label: d.method, options: methods },
                    { name: "reference", label: d.referenceLabel },
                  ]}
                  act={takePaymentAction}
                  submit={d.pay}
                />
              ) : (
                <p className="text-sm text-slate-600">{d.settled}</p>
              )}
            </Card>
            {inv.payments
              .filter((p) => p.refundable > 0)
              .map((p) => (
                <Card key={p.id}>
                  <BillingForm
                    key={`refund-${p.refundable}`}
                    title={`${d.refund} ${p.receiptNumber}`}
                    fixed={{ paymentId: p.id }}
                    fields={[
                      {
                        name: "amount",
                        label: `${d.refundAmount} (${inv.currency})`,
                        inputMode: "decimal",
                        defaultValue: toDecimal(p.refundable, inv.currency, locale),
                      },
                      { name: "reason", label: d.refundReason },
                    ]}
                    act={refundAction}
                    submit={d.doRefund}
                    variant="secondary"
                  />
                </Card>
              ))}
            <Card>
              <BillingForm
                title={d.addLine}
                fixed={{ invoiceId: inv.id }}
                fields={[
                  { name: "description", label: d.lineDescription },
                  { name: "quantity", label: d.lineQuantity, inputMode: "numeric", defaultValue: "1" },
                  { name: "unitAmount", label: `${d.lineUnit} (${inv.currency})`, inputMode: "decimal" },
                ]}
                act={addLineAction}
                submit={d.add}
                variant="secondary"
              />
            </Card>
            {inv.payments.length === 0 ? (
              <Card>
                <BillingForm
                  title={d.voidTitle}
                  fixed={{ invoiceId: inv.id }}
                  fields={[{ name: "reason", label: d.voidReason }]}
                  act={voidInvoiceAction}
                  submit={d.doVoid}
                  variant="danger"
                  confirm={{
                    title: d.confirmVoidTitle,
                    consequence: d.confirmVoidText,
                    confirm: d.confirmVoid,
                    cancel: d.confirmBack,
                  }}
                />
              </Card>
            ) : null}
          </div>
        ) : null}
      </div>
    </>
  );
}
