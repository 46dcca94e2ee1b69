-- CreateEnum
CREATE TYPE "DocumentCategory" AS ENUM ('REFERRAL', 'RESULT', 'IMAGING', 'CONSENT', 'OTHER');

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "consultationId" TEXT,
    "admissionId" TEXT,
    "title" TEXT NOT NULL,
    "category" "DocumentCategory" NOT NULL,
    "documentDate" DATE NOT NULL,
    "consentSignedOn" DATE,
    "contentType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sharedWithPatient" BOOLEAN NOT NULL DEFAULT false,
    "thumbnail" BYTEA,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentChunk" (
    "documentId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "DocumentChunk_pkey" PRIMARY KEY ("documentId","seq")
);

-- CreateIndex
CREATE INDEX "Document_patientId_documentDate_id_idx" ON "Document"("patientId", "documentDate", "id");

-- CreateIndex
CREATE INDEX "Document_patientId_category_consentSignedOn_idx" ON "Document"("patientId", "category", "consentSignedOn");

-- CreateIndex
CREATE INDEX "Document_consultationId_idx" ON "Document"("consultationId");

-- CreateIndex
CREATE INDEX "Document_admissionId_idx" ON "Document"("admissionId");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_admissionId_fkey" FOREIGN KEY ("admissionId") REFERENCES "Admission"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentChunk" ADD CONSTRAINT "DocumentChunk_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A consent document carries the date it was signed (lib/documents/schemas.ts checks it first).
ALTER TABLE "Document" ADD CONSTRAINT "Document_consent_signed_check" CHECK ("category" <> 'CONSENT' OR "consentSignedOn" IS NOT NULL);
