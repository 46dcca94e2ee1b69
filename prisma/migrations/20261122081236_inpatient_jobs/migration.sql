-- CreateEnum
CREATE TYPE "WardType" AS ENUM ('GENERAL', 'SURGICAL', 'MATERNITY', 'PEDIATRIC', 'ICU', 'ISOLATION', 'EMERGENCY');

-- CreateEnum
CREATE TYPE "RoomType" AS ENUM ('SINGLE', 'DOUBLE', 'SHARED', 'ICU', 'ISOLATION');

-- CreateEnum
CREATE TYPE "BedState" AS ENUM ('FREE', 'OCCUPIED', 'CLEANING', 'OUT_OF_SERVICE');

-- CreateEnum
CREATE TYPE "ExportStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "reminderSentAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Ward" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "departmentId" TEXT,
    "type" "WardType" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Room" (
    "id" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "RoomType" NOT NULL,
    "capacity" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Room_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bed" (
    "id" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "state" "BedState" NOT NULL DEFAULT 'FREE',
    "stateChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Bed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Admission" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "departmentId" TEXT,
    "attendingDoctorId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "plannedStayDays" INTEGER,
    "triageId" TEXT,
    "admittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "admittedById" TEXT NOT NULL,
    "dischargedAt" TIMESTAMP(3),
    "dischargedById" TEXT,
    "dischargeSummary" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Admission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BedAssignment" (
    "id" TEXT NOT NULL,
    "admissionId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endsAt" TIMESTAMP(3),
    "createdById" TEXT,

    CONSTRAINT "BedAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Triage" (
    "id" TEXT NOT NULL,
    "patientId" TEXT,
    "problem" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "recommendedDepartmentId" TEXT,
    "confidence" DOUBLE PRECISION NOT NULL,
    "plannedStayDays" INTEGER,
    "details" JSONB,
    "confirmedDepartmentId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Triage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Export" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "patientId" TEXT,
    "status" "ExportStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "filename" TEXT,
    "contentType" TEXT,
    "content" BYTEA,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Export_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DoctorReport" (
    "id" TEXT NOT NULL,
    "doctorId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailId" TEXT,

    CONSTRAINT "DoctorReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Ward_name_key" ON "Ward"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Room_wardId_name_key" ON "Room"("wardId", "name");

-- CreateIndex
CREATE INDEX "Bed_state_idx" ON "Bed"("state");

-- CreateIndex
CREATE UNIQUE INDEX "Bed_roomId_label_key" ON "Bed"("roomId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "Admission_triageId_key" ON "Admission"("triageId");

-- CreateIndex
CREATE INDEX "Admission_patientId_admittedAt_idx" ON "Admission"("patientId", "admittedAt");

-- CreateIndex
CREATE INDEX "Admission_attendingDoctorId_admittedAt_idx" ON "Admission"("attendingDoctorId", "admittedAt");

-- CreateIndex
CREATE INDEX "Admission_admittedAt_idx" ON "Admission"("admittedAt");

-- CreateIndex
CREATE INDEX "Admission_dischargedAt_idx" ON "Admission"("dischargedAt");

-- CreateIndex
CREATE INDEX "BedAssignment_bedId_startsAt_idx" ON "BedAssignment"("bedId", "startsAt");

-- CreateIndex
CREATE INDEX "BedAssignment_admissionId_startsAt_idx" ON "BedAssignment"("admissionId", "startsAt");

-- CreateIndex
CREATE INDEX "Triage_patientId_createdAt_idx" ON "Triage"("patientId", "createdAt");

-- CreateIndex
CREATE INDEX "Export_requesterId_createdAt_idx" ON "Export"("requesterId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DoctorReport_doctorId_month_key" ON "DoctorReport"("doctorId", "month");

-- AddForeignKey
ALTER TABLE "Ward" ADD CONSTRAINT "Ward_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Room" ADD CONSTRAINT "Room_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bed" ADD CONSTRAINT "Bed_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Admission" ADD CONSTRAINT "Admission_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Admission" ADD CONSTRAINT "Admission_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Admission" ADD CONSTRAINT "Admission_attendingDoctorId_fkey" FOREIGN KEY ("attendingDoctorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Admission" ADD CONSTRAINT "Admission_triageId_fkey" FOREIGN KEY ("triageId") REFERENCES "Triage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BedAssignment" ADD CONSTRAINT "BedAssignment_admissionId_fkey" FOREIGN KEY ("admissionId") REFERENCES "Admission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BedAssignment" ADD CONSTRAINT "BedAssignment_bedId_fkey" FOREIGN KEY ("bedId") REFERENCES "Bed"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Triage" ADD CONSTRAINT "Triage_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Triage" ADD CONSTRAINT "Triage_recommendedDepartmentId_fkey" FOREIGN KEY ("recommendedDepartmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Triage" ADD CONSTRAINT "Triage_confirmedDepartmentId_fkey" FOREIGN KEY ("confirmedDepartmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Export" ADD CONSTRAINT "Export_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: invariants the database decides (btree_gist is enabled by the scheduling migration).
-- One live admission per patient, and admissions of one patient never overlap in time.
ALTER TABLE "Admission" ADD CONSTRAINT "Admission_patient_no_overlap"
  EXCLUDE USING gist ("patientId" WITH =, tsrange("admittedAt", "dischargedAt") WITH &&);
ALTER TABLE "Admission" ADD CONSTRAINT "Admission_discharge_after_admission" CHECK ("dischargedAt" IS NULL OR "dischargedAt" >= "admittedAt");
-- One live assignment per bed (and a bed's history never overlaps); one bed at a time per admission.
ALTER TABLE "BedAssignment" ADD CONSTRAINT "BedAssignment_bed_no_overlap"
  EXCLUDE USING gist ("bedId" WITH =, tsrange("startsAt", "endsAt") WITH &&);
ALTER TABLE "BedAssignment" ADD CONSTRAINT "BedAssignment_admission_no_overlap"
  EXCLUDE USING gist ("admissionId" WITH =, tsrange("startsAt", "endsAt") WITH &&);
ALTER TABLE "BedAssignment" ADD CONSTRAINT "BedAssignment_ends_after_start" CHECK ("endsAt" IS NULL OR "endsAt" >= "startsAt");
ALTER TABLE "Room" ADD CONSTRAINT "Room_capacity_positive" CHECK (capacity > 0);
ALTER TABLE "Admission" ADD CONSTRAINT "Admission_planned_stay_positive" CHECK ("plannedStayDays" IS NULL OR "plannedStayDays" > 0);
ALTER TABLE "Triage" ADD CONSTRAINT "Triage_confidence_range" CHECK (confidence >= 0 AND confidence <= 1);
ALTER TABLE "Export" ADD CONSTRAINT "Export_progress_range" CHECK (progress >= 0 AND progress <= 1);
-- Live rows are what the bed board and the reminder job ask for.
CREATE INDEX "BedAssignment_live_bed_idx" ON "BedAssignment" ("bedId") WHERE "endsAt" IS NULL;
CREATE INDEX "Admission_live_idx" ON "Admission" ("patientId") WHERE "dischargedAt" IS NULL;
CREATE INDEX "Appointment_reminder_due_idx" ON "Appointment" ("startsAt") WHERE "reminderSentAt" IS NULL AND status = 'BOOKED';
