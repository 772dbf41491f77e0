-- CreateEnum
CREATE TYPE "LeakedKeyAction" AS ENUM ('REVOKE', 'FLAG');

-- CreateEnum
CREATE TYPE "ApiKeyLeakAction" AS ENUM ('REVOKED', 'FLAGGED');

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "leakAction" "ApiKeyLeakAction",
ADD COLUMN     "leakSource" TEXT,
ADD COLUMN     "leakUrl" TEXT,
ADD COLUMN     "leakedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "leakedKeyAction" "LeakedKeyAction" NOT NULL DEFAULT 'REVOKE';

-- CreateIndex
CREATE INDEX "ApiKey_organizationId_leakedAt_idx" ON "ApiKey"("organizationId", "leakedAt");
