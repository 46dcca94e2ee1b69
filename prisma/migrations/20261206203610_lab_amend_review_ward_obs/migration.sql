-- AlterTable
ALTER TABLE "LabResult" ADD COLUMN     "amendReason" TEXT,
ADD COLUMN     "amendsId" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" TEXT;

-- AlterTable
ALTER TABLE "Ward" ADD COLUMN     "observationHours" INTEGER NOT NULL DEFAULT 12;

-- CreateIndex
CREATE UNIQUE INDEX "LabResult_amendsId_key" ON "LabResult"("amendsId");

-- AddForeignKey
ALTER TABLE "LabResult" ADD CONSTRAINT "LabResult_amendsId_fkey" FOREIGN KEY ("amendsId") REFERENCES "LabResult"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabResult" ADD CONSTRAINT "LabResult_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An amendment says why; a review says who and when together; a ward observes at least daily.
ALTER TABLE "LabResult" ADD CONSTRAINT "LabResult_amend_reason" CHECK ("amendsId" IS NULL OR length(trim("amendReason")) > 0);
ALTER TABLE "LabResult" ADD CONSTRAINT "LabResult_review_pair" CHECK (("reviewedAt" IS NULL) = ("reviewedById" IS NULL));
ALTER TABLE "Ward" ADD CONSTRAINT "Ward_observation_hours" CHECK ("observationHours" BETWEEN 1 AND 24);
