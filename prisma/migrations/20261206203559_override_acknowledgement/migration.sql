-- AlterTable
ALTER TABLE "Prescription" ADD COLUMN     "overrideAcknowledgedAt" TIMESTAMP(3),
ADD COLUMN     "overrideAcknowledgedById" TEXT;

-- AddForeignKey
ALTER TABLE "Prescription" ADD CONSTRAINT "Prescription_overrideAcknowledgedById_fkey" FOREIGN KEY ("overrideAcknowledgedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Acknowledged by someone at some time, or not at all; only a prescription with an override can be acknowledged.
ALTER TABLE "Prescription" ADD CONSTRAINT "Prescription_override_acknowledgement" CHECK (
  ("overrideAcknowledgedAt" IS NULL) = ("overrideAcknowledgedById" IS NULL)
  AND ("overrideAcknowledgedAt" IS NULL OR "overrideReason" IS NOT NULL)
);
