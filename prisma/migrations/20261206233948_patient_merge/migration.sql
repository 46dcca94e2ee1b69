-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "mergedAt" TIMESTAMP(3),
ADD COLUMN     "mergedIntoId" TEXT;

-- CreateTable
CREATE TABLE "PatientMerge" (
    "id" TEXT NOT NULL,
    "survivorId" TEXT NOT NULL,
    "duplicateId" TEXT NOT NULL,
    "survivorMrn" TEXT NOT NULL,
    "duplicateMrn" TEXT NOT NULL,
    "moved" JSONB NOT NULL,
    "mergedById" TEXT NOT NULL,
    "mergedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),
    "undoneById" TEXT,

    CONSTRAINT "PatientMerge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PatientMerge_survivorId_mergedAt_idx" ON "PatientMerge"("survivorId", "mergedAt");

-- CreateIndex
CREATE INDEX "PatientMerge_duplicateId_mergedAt_idx" ON "PatientMerge"("duplicateId", "mergedAt");

-- CreateIndex
CREATE INDEX "Patient_mergedIntoId_idx" ON "Patient"("mergedIntoId");

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Patient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientMerge" ADD CONSTRAINT "PatientMerge_survivorId_fkey" FOREIGN KEY ("survivorId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientMerge" ADD CONSTRAINT "PatientMerge_duplicateId_fkey" FOREIGN KEY ("duplicateId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a record is never merged into itself, and a duplicate has at most one live merge.
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_not_merged_into_self" CHECK ("mergedIntoId" IS NULL OR "mergedIntoId" <> id);
CREATE UNIQUE INDEX "PatientMerge_one_live_per_duplicate" ON "PatientMerge"("duplicateId") WHERE "undoneAt" IS NULL;
