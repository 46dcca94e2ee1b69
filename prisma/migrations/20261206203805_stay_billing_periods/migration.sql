-- DropIndex
DROP INDEX "Invoice_admissionId_key";

-- CreateTable
CREATE TABLE "StayBillingPeriod" (
    "id" TEXT NOT NULL,
    "admissionId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "fromAt" TIMESTAMP(3) NOT NULL,
    "toAt" TIMESTAMP(3) NOT NULL,
    "nights" INTEGER NOT NULL,
    "final" BOOLEAN NOT NULL,

    CONSTRAINT "StayBillingPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StayBillingPeriod_invoiceId_key" ON "StayBillingPeriod"("invoiceId");

-- CreateIndex
CREATE INDEX "StayBillingPeriod_admissionId_toAt_idx" ON "StayBillingPeriod"("admissionId", "toAt");

-- CreateIndex
CREATE INDEX "Invoice_admissionId_idx" ON "Invoice"("admissionId");

-- AddForeignKey
ALTER TABLE "StayBillingPeriod" ADD CONSTRAINT "StayBillingPeriod_admissionId_fkey" FOREIGN KEY ("admissionId") REFERENCES "Admission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StayBillingPeriod" ADD CONSTRAINT "StayBillingPeriod_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- No night of a stay is billed twice: the periods of one admission never overlap (btree_gist, as
-- for appointments), a period is never empty, and a stay has at most one final (discharge) invoice.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "StayBillingPeriod" ADD CONSTRAINT "StayBillingPeriod_not_empty" CHECK ("toAt" > "fromAt" AND "nights" >= 0);
ALTER TABLE "StayBillingPeriod" ADD CONSTRAINT "StayBillingPeriod_no_overlap"
  EXCLUDE USING gist ("admissionId" WITH =, tsrange("fromAt", "toAt", '(]') WITH &&);
CREATE UNIQUE INDEX "StayBillingPeriod_one_final" ON "StayBillingPeriod"("admissionId") WHERE "final";

-- Stays invoiced before this migration (one invoice each): their period runs from admission to the
-- discharge, or to the invoice's date for a stay invoiced while still in.
INSERT INTO "StayBillingPeriod" ("id", "admissionId", "invoiceId", "fromAt", "toAt", "nights", "final")
SELECT 'sbp_' || i.id, a.id, i.id, a."admittedAt",
       GREATEST(COALESCE(LEAST(a."dischargedAt", i."issuedAt"), i."issuedAt"), a."admittedAt" + interval '1 millisecond'),
       COALESCE((SELECT SUM(l.quantity) FROM "InvoiceLine" l WHERE l."invoiceId" = i.id AND l.kind = 'BED_DAY'), 0)::int,
       a."dischargedAt" IS NOT NULL AND a."dischargedAt" <= i."issuedAt"
FROM "Invoice" i JOIN "Admission" a ON a.id = i."admissionId";
