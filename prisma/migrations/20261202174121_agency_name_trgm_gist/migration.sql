-- Search pages a common word without a similarity per hit (issue 13): a tier with thousands of hits (公安局: 47k of
-- 50k agencies) is read nearest first, ORDER BY "name" <-> words, which a GiST trigram index answers (the GIN one on
-- the name cannot order). lib/db/search-sql.ts. pg_trgm ships the operator class in PostgreSQL and in PGlite.

-- CreateIndex
CREATE INDEX "Agency_name_trgm_gist_idx" ON "Agency" USING GIST ("name" gist_trgm_ops);

-- Called in the search statement to keep it off parallel workers (a parallel-unsafe function anywhere in a statement
-- does that): a parallel sort of every agency by trigram distance looks cheaper to the planner than the index read
-- nearest first when its row estimate comes out a little lower, and on a 2-core server workers only add CPU.
CREATE FUNCTION "search_serial"() RETURNS BOOLEAN LANGUAGE sql STABLE PARALLEL UNSAFE AS $$ SELECT true $$;
