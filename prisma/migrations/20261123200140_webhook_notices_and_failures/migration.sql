-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "autoDisabledAt" TIMESTAMPTZ(3),
ADD COLUMN     "failingSince" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ApiKeyNotice" (
    "apiKeyId" UUID NOT NULL,
    "notice" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKeyNotice_pkey" PRIMARY KEY ("apiKeyId","notice")
);

-- CreateIndex
CREATE INDEX "ApiKey_expiresAt_idx" ON "ApiKey"("expiresAt");

-- CreateIndex
CREATE INDEX "ApiKey_graceEndsAt_idx" ON "ApiKey"("graceEndsAt");

-- AddForeignKey
ALTER TABLE "ApiKeyNotice" ADD CONSTRAINT "ApiKeyNotice_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;
