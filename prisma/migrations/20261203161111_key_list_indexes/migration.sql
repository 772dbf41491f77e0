-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm" WITH SCHEMA "public";

-- DropIndex
DROP INDEX "ApiKey_organizationId_createdAt_idx";

-- DropIndex
DROP INDEX "ApiKey_projectId_idx";

-- CreateIndex
CREATE INDEX "ApiKey_organizationId_createdAt_id_idx" ON "ApiKey"("organizationId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ApiKey_organizationId_name_id_idx" ON "ApiKey"("organizationId", "name", "id");

-- CreateIndex
CREATE INDEX "ApiKey_organizationId_lastUsedAt_id_idx" ON "ApiKey"("organizationId", "lastUsedAt", "id");

-- CreateIndex
CREATE INDEX "ApiKey_organizationId_expiresAt_id_idx" ON "ApiKey"("organizationId", "expiresAt", "id");

-- CreateIndex
CREATE INDEX "ApiKey_projectId_createdAt_id_idx" ON "ApiKey"("projectId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ApiKey_projectId_name_id_idx" ON "ApiKey"("projectId", "name", "id");

-- CreateIndex
CREATE INDEX "ApiKey_projectId_lastUsedAt_id_idx" ON "ApiKey"("projectId", "lastUsedAt", "id");

-- CreateIndex
CREATE INDEX "ApiKey_projectId_expiresAt_id_idx" ON "ApiKey"("projectId", "expiresAt", "id");

-- CreateIndex
CREATE INDEX "ApiKey_organizationId_level_createdAt_id_idx" ON "ApiKey"("organizationId", "level", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ApiKey_organizationId_level_name_id_idx" ON "ApiKey"("organizationId", "level", "name", "id");

-- CreateIndex
CREATE INDEX "ApiKey_organizationId_level_lastUsedAt_id_idx" ON "ApiKey"("organizationId", "level", "lastUsedAt", "id");

-- CreateIndex
CREATE INDEX "ApiKey_organizationId_level_expiresAt_id_idx" ON "ApiKey"("organizationId", "level", "expiresAt", "id");

-- CreateIndex
CREATE INDEX "ApiKey_name_trgm_idx" ON "ApiKey" USING GIN ("name" public.gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ApiKey_publicId_trgm_idx" ON "ApiKey" USING GIN ("publicId" public.gin_trgm_ops);
