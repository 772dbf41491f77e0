/*
  Warnings:

  - The primary key for the `ApiKeyUsageBucket` table will be changed. If it partially fails, the table could be left without primary key constraint.

*/
-- CreateEnum
CREATE TYPE "UsageOutcome" AS ENUM ('SUCCESS', 'RATE_LIMITED', 'QUOTA_EXCEEDED', 'FORBIDDEN', 'IP_REFUSED', 'EXPIRED', 'REVOKED', 'INACTIVE', 'INVALID');

-- AlterTable
ALTER TABLE "ApiKeyUsageBucket" DROP CONSTRAINT "ApiKeyUsageBucket_pkey",
ADD COLUMN     "outcome" "UsageOutcome" NOT NULL DEFAULT 'SUCCESS',
ADD CONSTRAINT "ApiKeyUsageBucket_pkey" PRIMARY KEY ("apiKeyId", "bucketStart", "outcome");
