-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "claimedUntil" TIMESTAMP(3),
ADD COLUMN     "messageId" TEXT,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "OutboxEmail_status_createdAt_idx" ON "OutboxEmail"("status", "createdAt");

-- Emails the previous version lost when its sender died mid-send (claimed as FAILED "Sending…",
-- never confirmed): the recent ones go back to the outbox for the sweep; older ones stay FAILED for
-- an admin to see, as a reminder or a link that old is better not sent unannounced.
UPDATE "OutboxEmail" SET "status" = 'OUTBOX', "attempts" = 1
WHERE "status" = 'FAILED' AND "error" = 'Sending…' AND "createdAt" > now() - interval '24 hours';
