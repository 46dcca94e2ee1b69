-- CreateEnum
CREATE TYPE "LinkRequestStatus" AS ENUM ('PENDING', 'LINKED', 'NEW_RECORD');

-- CreateTable
CREATE TABLE "DuplicatePair" (
    "id" TEXT NOT NULL,
    "patientAId" TEXT NOT NULL,
    "patientBId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "reasons" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DuplicatePair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DismissedDuplicatePair" (
    "id" TEXT NOT NULL,
    "patientAId" TEXT NOT NULL,
    "patientBId" TEXT NOT NULL,
    "dismissedById" TEXT NOT NULL,
    "dismissedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DismissedDuplicatePair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatientLinkRequest" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "phone" TEXT,
    "email" TEXT NOT NULL,
    "candidates" JSONB NOT NULL,
    "status" "LinkRequestStatus" NOT NULL DEFAULT 'PENDING',
    "patientId" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientLinkRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DuplicatePair_patientBId_idx" ON "DuplicatePair"("patientBId");

-- CreateIndex
CREATE INDEX "DuplicatePair_createdAt_idx" ON "DuplicatePair"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DuplicatePair_patientAId_patientBId_key" ON "DuplicatePair"("patientAId", "patientBId");

-- CreateIndex
CREATE UNIQUE INDEX "DismissedDuplicatePair_patientAId_patientBId_key" ON "DismissedDuplicatePair"("patientAId", "patientBId");

-- CreateIndex
CREATE UNIQUE INDEX "PatientLinkRequest_userId_key" ON "PatientLinkRequest"("userId");

-- CreateIndex
CREATE INDEX "PatientLinkRequest_status_createdAt_idx" ON "PatientLinkRequest"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "DuplicatePair" ADD CONSTRAINT "DuplicatePair_patientAId_fkey" FOREIGN KEY ("patientAId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuplicatePair" ADD CONSTRAINT "DuplicatePair_patientBId_fkey" FOREIGN KEY ("patientBId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientLinkRequest" ADD CONSTRAINT "PatientLinkRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Blocking keys of the matcher (lib/patients/matching.ts): the last 9 digits of a phone number
-- (national part, whatever the prefix it was typed with) and the email address, case-insensitively.
CREATE INDEX "Patient_phone_tail_idx" ON "Patient" (right(regexp_replace("phone", '\D', '', 'g'), 9)) WHERE "phone" IS NOT NULL;
CREATE INDEX "Patient_email_lower_idx" ON "Patient" (lower("email")) WHERE "email" IS NOT NULL;
-- The matcher's birth-date blocks read ids and names from the index alone (an index-only scan of a
-- month of births, ~900 rows in a million patients, instead of as many heap pages).
CREATE INDEX "Patient_match_dob_idx" ON "Patient" ("dateOfBirth") INCLUDE (id, "firstName", "lastName") WHERE active;
