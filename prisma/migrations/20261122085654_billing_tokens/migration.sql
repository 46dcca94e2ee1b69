-- Hand-written first: invoice and receipt numbers from sequences (never reused, never truncated).
CREATE SEQUENCE invoice_number_seq;
CREATE SEQUENCE receipt_number_seq;
CREATE FUNCTION next_invoice_number() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT 'INV-' || lpad(n::text, greatest(6, length(n::text)), '0') FROM nextval('invoice_number_seq') AS n
$$;
CREATE FUNCTION next_receipt_number() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT 'RCPT-' || lpad(n::text, greatest(6, length(n::text)), '0') FROM nextval('receipt_number_seq') AS n
$$;

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('OPEN', 'VOID');

-- CreateEnum
CREATE TYPE "InvoiceLineKind" AS ENUM ('CONSULTATION', 'LAB_TEST', 'BED_DAY', 'DRUG', 'OTHER');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('CASH', 'CARD', 'INSURANCE', 'MOBILE_MONEY');

-- AlterTable
ALTER TABLE "Drug" ADD COLUMN     "unitPrice" INTEGER;

-- AlterTable
ALTER TABLE "LabTest" ADD COLUMN     "price" INTEGER;

-- AlterTable
ALTER TABLE "Ward" ADD COLUMN     "bedDayRate" INTEGER;

-- CreateTable
CREATE TABLE "Invoice" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL DEFAULT next_invoice_number(),
    "patientId" TEXT NOT NULL,
    "appointmentId" TEXT,
    "admissionId" TEXT,
    "currency" TEXT NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'OPEN',
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,
    "voidedAt" TIMESTAMP(3),
    "voidReason" TEXT,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceLine" (
    "id" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "kind" "InvoiceLineKind" NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitAmount" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "sourceId" TEXT,
    "doctorId" TEXT,

    CONSTRAINT "InvoiceLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "reference" TEXT,
    "refundOfId" TEXT,
    "reason" TEXT,
    "receivedById" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "receiptNumber" TEXT NOT NULL DEFAULT next_receipt_number(),

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_number_key" ON "Invoice"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_appointmentId_key" ON "Invoice"("appointmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_admissionId_key" ON "Invoice"("admissionId");

-- CreateIndex
CREATE INDEX "Invoice_patientId_issuedAt_idx" ON "Invoice"("patientId", "issuedAt");

-- CreateIndex
CREATE INDEX "Invoice_issuedAt_idx" ON "Invoice"("issuedAt");

-- CreateIndex
CREATE INDEX "InvoiceLine_invoiceId_idx" ON "InvoiceLine"("invoiceId");

-- CreateIndex
CREATE INDEX "InvoiceLine_doctorId_idx" ON "InvoiceLine"("doctorId");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLine_kind_sourceId_key" ON "InvoiceLine"("kind", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_receiptNumber_key" ON "Payment"("receiptNumber");

-- CreateIndex
CREATE INDEX "Payment_invoiceId_idx" ON "Payment"("invoiceId");

-- CreateIndex
CREATE INDEX "Payment_receivedAt_idx" ON "Payment"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_ownerId_idx" ON "ApiToken"("ownerId");

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_refundOfId_fkey" FOREIGN KEY ("refundOfId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: money invariants.
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_amount_consistent" CHECK (quantity > 0 AND "unitAmount" >= 0 AND amount = quantity * "unitAmount");
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_sign" CHECK ((amount > 0 AND "refundOfId" IS NULL) OR (amount < 0 AND "refundOfId" IS NOT NULL));
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_one_source" CHECK (num_nonnulls("appointmentId", "admissionId") <= 1);
ALTER TABLE "LabTest" ADD CONSTRAINT "LabTest_price_nonnegative" CHECK (price IS NULL OR price >= 0);
ALTER TABLE "Drug" ADD CONSTRAINT "Drug_unit_price_nonnegative" CHECK ("unitPrice" IS NULL OR "unitPrice" >= 0);
ALTER TABLE "Ward" ADD CONSTRAINT "Ward_bed_day_rate_nonnegative" CHECK ("bedDayRate" IS NULL OR "bedDayRate" >= 0);
