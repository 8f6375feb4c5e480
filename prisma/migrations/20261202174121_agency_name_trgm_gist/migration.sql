-- Search pages a common word without a similarity per hit (issue 13): a tier with thousands of hits (公安局: 47k of
-- 50k agencies) is read nearest first, ORDER BY "name" <-> words, which a GiST trigram index answers (the GIN one on
-- the name cannot order). lib/db/search-sql.ts. pg_trgm ships the operator class in PostgreSQL and in PGlite.

-- CreateIndex
CREATE INDEX "Agency_name_trgm_gist_idx" ON "Agency" USING GIST ("name" gist_trgm_ops);
