-- Search candidates from an index (issue 13): search (lib/db/search.ts) used to build the name, aliases and region
-- path of EVERY agency and run its regexes on each. Now each agency keeps its search tokens (检索词元): every
-- two-character piece of the lower-cased "name aliases path" text, with a space after its end (so one character is
-- found as the start of a piece). A text can only contain a word whose pieces are all among its tokens, so a GIN
-- index on them gives the candidates (lib/search/token-query.ts writes the query the same way), and only those are
-- checked with the regexes. Two-character pieces because Chinese search words are often two characters long (鄂托),
-- which pg_trgm cannot index. The trigram index on the name serves the typo fallback (name % text, similarity ≥ 0.3).

-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "searchTokens" tsvector;

-- The tokens of one text; the same pieces as toBigrams in lib/search/token-query.ts.
CREATE FUNCTION "search_bigrams"(hay TEXT) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_to_tsvector(coalesce(array_agg(DISTINCT substr(x.s, i, 2)), ARRAY[]::TEXT[]))
  FROM (SELECT lower(hay) || ' ' AS s) x, generate_series(1, length(x.s) - 1) AS i
$$;

-- The tokens of one agency: the same text lib/db/search.ts matches (name, aliases, region path, space-separated).
CREATE FUNCTION "agency_search_tokens"(agency_id INTEGER, agency_name TEXT, region_code TEXT) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT "search_bigrams"(agency_name
    || ' ' || coalesce((SELECT string_agg(al."name", ' ') FROM "AgencyAlias" al WHERE al."agencyId" = agency_id), '')
    || ' ' || coalesce((SELECT r."path" FROM "Region" r WHERE r."code" = region_code), ''))
$$;

-- Kept on every write, in the writing transaction: a new or renamed or moved agency, an alias added, changed or
-- removed (the report write statement adds the printed name as an alias), a region path changed.
CREATE FUNCTION "agency_search_tokens_set"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchTokens" := "agency_search_tokens"(NEW."id", NEW."name", NEW."regionCode");
  RETURN NEW;
END $$;

CREATE FUNCTION "alias_search_tokens_set"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Agency" a SET "searchTokens" = "agency_search_tokens"(a."id", a."name", a."regionCode")
  WHERE a."id" IN (SELECT "agencyId" FROM changed_rows);
  RETURN NULL;
END $$;

CREATE FUNCTION "region_search_tokens_set"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Agency" a SET "searchTokens" = "agency_search_tokens"(a."id", a."name", a."regionCode")
  WHERE a."regionCode" IN (SELECT n."code" FROM new_rows n JOIN old_rows o ON o."code" = n."code" WHERE o."path" <> n."path");
  RETURN NULL;
END $$;

CREATE TRIGGER "Agency_search_tokens" BEFORE INSERT OR UPDATE OF "name", "regionCode" ON "Agency"
  FOR EACH ROW EXECUTE FUNCTION "agency_search_tokens_set"();
CREATE TRIGGER "AgencyAlias_inserted_search_tokens" AFTER INSERT ON "AgencyAlias" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "alias_search_tokens_set"();
CREATE TRIGGER "AgencyAlias_updated_search_tokens" AFTER UPDATE ON "AgencyAlias" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "alias_search_tokens_set"();
CREATE TRIGGER "AgencyAlias_updated_old_search_tokens" AFTER UPDATE ON "AgencyAlias" REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "alias_search_tokens_set"();
CREATE TRIGGER "AgencyAlias_deleted_search_tokens" AFTER DELETE ON "AgencyAlias" REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "alias_search_tokens_set"();
CREATE TRIGGER "Region_path_search_tokens" AFTER UPDATE ON "Region" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "region_search_tokens_set"();

-- Backfill the stored agencies.
UPDATE "Agency" SET "searchTokens" = "agency_search_tokens"("id", "name", "regionCode");

-- CreateIndex
CREATE INDEX "Agency_searchTokens_idx" ON "Agency" USING GIN ("searchTokens");

-- CreateIndex
CREATE INDEX "Agency_name_trgm_idx" ON "Agency" USING GIN ("name" gin_trgm_ops);
