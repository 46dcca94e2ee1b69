"use server";

import { revalidatePath } from "next/cache";
import { ZCreateInvoice, ZVoidAction, lineForm, paymentForm, refundForm } from "@/lib/billing/schemas";
import { addLines, createInvoice, refundPayment, takePayment, voidInvoice } from "@/lib/billing/service";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

const refresh = (invoiceId: string) => {
  revalidatePath("/billing");
  revalidatePath(`/billing/${invoiceId}`);
};

export const createInvoiceAction = defineAction(
  { permission: "billing.manage", schema: ZCreateInvoice },
  async (ctx, input) => {
    const invoice = await createInvoice(db(), ctx, input);
    refresh(invoice.id);
    return invoice;
  },
);

export const takePaymentAction = defineAction(
  { permission: "billing.manage", schema: paymentForm },
  async (ctx, input) => {
    const payment = await takePayment(db(), ctx, input);
    refresh(input.invoiceId);
    return payment;
  },
);

export const refundAction = defineAction(
  { permission: "billing.manage", schema: refundForm },
  async (ctx, { paymentId, ...input }) => {
    const refund = await refundPayment(db(), ctx, paymentId, input);
    revalidatePath("/billing", "layout");
    return refund;
  },
);

export const addLineAction = defineAction(
  { permission: "billing.manage", schema: lineForm },
  async (ctx, { invoiceId, ...line }) => {
    await addLines(db(), ctx, invoiceId, [line]);
    refresh(invoiceId);
    return { invoiceId };
  },
);

export const voidInvoiceAction = defineAction(
  { permission: "billing.manage", schema: ZVoidAction },
  async (ctx, { invoiceId, reason }) => {
    await voidInvoice(db(), ctx, invoiceId, reason);
    refresh(invoiceId);
    return { invoiceId };
  },
);
