-- CreateTable
CREATE TABLE "ApiKeyUsageBucket" (
    "apiKeyId" UUID NOT NULL,
    "bucketStart" TIMESTAMPTZ(3) NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "ApiKeyUsageBucket_pkey" PRIMARY KEY ("apiKeyId","bucketStart")
);

-- CreateIndex
CREATE INDEX "ApiKeyUsageBucket_bucketStart_idx" ON "ApiKeyUsageBucket"("bucketStart");

-- AddForeignKey
ALTER TABLE "ApiKeyUsageBucket" ADD CONSTRAINT "ApiKeyUsageBucket_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;
