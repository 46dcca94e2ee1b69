-- CreateEnum
CREATE TYPE "Consciousness" AS ENUM ('A', 'C', 'V', 'P', 'U');

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "pregnant" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "spo2Scale2" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "VitalSign" ADD COLUMN     "consciousness" "Consciousness",
ADD COLUMN     "news2Band" TEXT,
ADD COLUMN     "news2Reason" TEXT,
ADD COLUMN     "news2Scale" INTEGER,
ADD COLUMN     "news2Score" INTEGER,
ADD COLUMN     "news2Subscores" JSONB,
ADD COLUMN     "supplementalOxygen" BOOLEAN;

-- Sets recorded before NEWS2 have no consciousness nor air/oxygen: incomplete.
UPDATE "VitalSign" SET "news2Reason" = 'incomplete set' WHERE "news2Score" IS NULL;

-- A score with its band, sub-scores and scale, or no score and the reason.
ALTER TABLE "VitalSign" ADD CONSTRAINT "VitalSign_news2" CHECK (
  ("news2Score" IS NOT NULL AND "news2Score" BETWEEN 0 AND 20
    AND "news2Band" IN ('low', 'low-medium', 'medium', 'high')
    AND "news2Subscores" IS NOT NULL AND "news2Scale" IN (1, 2) AND "news2Reason" IS NULL)
  OR ("news2Score" IS NULL AND "news2Band" IS NULL AND "news2Subscores" IS NULL AND "news2Scale" IS NULL
    AND "news2Reason" IN ('under 16', 'pregnant', 'incomplete set'))
);
