-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "ipAllowlist" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "ApiKeyAddress" (
    "apiKeyId" UUID NOT NULL,
    "address" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApiKeyAddress_pkey" PRIMARY KEY ("apiKeyId","address")
);

-- AddForeignKey
ALTER TABLE "ApiKeyAddress" ADD CONSTRAINT "ApiKeyAddress_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The allowlist is part of every authentication decision, so a change to it must reach every instance's key-state
-- cache like the other watched columns (see migration key_state_notify). Recent addresses are usage, not watched.
DROP TRIGGER api_key_state_changed ON "ApiKey";
CREATE TRIGGER api_key_state_changed
  AFTER UPDATE OF "status", "expiresAt", "graceEndsAt", "allProjects", "scopes", "secretHash", "projectId",
    "organizationId", "level", "publicId", "ipAllowlist" OR DELETE ON "ApiKey"
  FOR EACH ROW EXECUTE FUNCTION keysmith_notify_api_key();
