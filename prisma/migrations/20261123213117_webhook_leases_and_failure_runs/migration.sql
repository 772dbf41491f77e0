-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "leasedUntil" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "lastFailedAt" TIMESTAMPTZ(3);
