-- CreateIndex
CREATE INDEX "WorkflowExecution_apiKeyId_createdAt_idx" ON "WorkflowExecution"("apiKeyId", "createdAt");
