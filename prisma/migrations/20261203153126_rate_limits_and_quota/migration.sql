-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "quota" JSONB,
ADD COLUMN     "quotaRefilledAt" TIMESTAMPTZ(3),
ADD COLUMN     "quotaRemaining" BIGINT,
ADD COLUMN     "rateLimits" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "defaultKeyRateLimits" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "ApiKeyRateWindow" (
    "apiKeyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "ApiKeyRateWindow_pkey" PRIMARY KEY ("apiKeyId","name","windowStart")
);

-- CreateIndex
CREATE INDEX "ApiKeyRateWindow_windowStart_idx" ON "ApiKeyRateWindow"("windowStart");

-- AddForeignKey
ALTER TABLE "ApiKeyRateWindow" ADD CONSTRAINT "ApiKeyRateWindow_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The rate limits and whether a key has a quota are part of every authentication decision, so a change to either must
-- reach every instance's key-state cache like the other watched columns (see migration key_state_notify). The quota's
-- counters ("quotaRemaining", "quotaRefilledAt") change with every trigger and are not watched.
DROP TRIGGER api_key_state_changed ON "ApiKey";
CREATE TRIGGER api_key_state_changed
  AFTER UPDATE OF "status", "expiresAt", "graceEndsAt", "allProjects", "grants", "secretHash", "projectId",
    "organizationId", "level", "publicId", "ipAllowlist", "ownerId", "rateLimits", "quota" OR DELETE ON "ApiKey"
  FOR EACH ROW EXECUTE FUNCTION keysmith_notify_api_key();
