-- Prescription numbers (RX-000123) from their own sequence, as invoices and receipts have theirs;
-- existing prescriptions are numbered in the order they were issued.
CREATE SEQUENCE prescription_number_seq;
CREATE FUNCTION next_prescription_number() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT 'RX-' || lpad(n::text, greatest(6, length(n::text)), '0') FROM nextval('prescription_number_seq') AS n
$$;

ALTER TABLE "Prescription" ADD COLUMN "number" TEXT;
UPDATE "Prescription" p SET "number" = o.n
  FROM (SELECT id, next_prescription_number() AS n FROM (SELECT id FROM "Prescription" ORDER BY "issuedAt", id) ordered) o
  WHERE p.id = o.id;
ALTER TABLE "Prescription" ALTER COLUMN "number" SET NOT NULL, ALTER COLUMN "number" SET DEFAULT next_prescription_number();
CREATE UNIQUE INDEX "Prescription_number_key" ON "Prescription"("number");

-- The date an invoice is due: set by the app from INVOICE_DUE_DAYS when it is made; existing
-- invoices get the default term of 30 days from their issue.
ALTER TABLE "Invoice" ADD COLUMN "dueAt" TIMESTAMP(3);
UPDATE "Invoice" SET "dueAt" = "issuedAt" + '30 days'::interval;
ALTER TABLE "Invoice" ALTER COLUMN "dueAt" SET NOT NULL, ALTER COLUMN "dueAt" SET DEFAULT (now() + '30 days'::interval);

-- The prescriber's professional registration number, printed on prescriptions.
ALTER TABLE "StaffProfile" ADD COLUMN "registrationNumber" TEXT;
