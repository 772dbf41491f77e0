-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "secretTag" TEXT;
