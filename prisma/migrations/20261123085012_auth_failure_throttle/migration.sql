-- CreateTable
CREATE TABLE "AuthFailureWindow" (
    "bucket" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AuthFailureWindow_pkey" PRIMARY KEY ("bucket","windowStart")
);

-- CreateIndex
CREATE INDEX "AuthFailureWindow_windowStart_idx" ON "AuthFailureWindow"("windowStart");
