/*
  Warnings:

  - A unique constraint covering the columns `[apiKeyId,workflowId,idempotencyKey]` on the table `WorkflowExecution` will be added. If there are existing duplicate values, this will fail.

*/
-- DropIndex
DROP INDEX "WorkflowExecution_workflowId_idempotencyKey_key";

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowExecution_apiKeyId_workflowId_idempotencyKey_key" ON "WorkflowExecution"("apiKeyId", "workflowId", "idempotencyKey");
