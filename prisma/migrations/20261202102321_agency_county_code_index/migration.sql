-- CreateIndex
CREATE INDEX "Agency_countyCode_idx" ON "Agency"("countyCode");
