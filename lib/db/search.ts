/**
 * Search (搜索) by agency or place name, in Chinese, pinyin or initials, with typos: ONE database query per search.
 * The plan (lib/search/search-plan) turns the query into alternatives in code. The candidates come from the GIN index
 * on the agencies' search tokens (lib/search/token-query: every group's two-character pieces), so the cost grows with
 * the hits, not the agencies; the query ranks the candidates with a report in tiers and pages them, with the total
 * in the same answer:
 *   0 exact name · 1 name starts with the words · 2 name/alias has every word · 3 with the region path ·
 *   4 longest prefix of the first word (only when nothing above matched) ·
 *   5 fuzzy: a corrected place name or trigram similarity (pg_trgm) ≥ 0.3 (only when nothing in 0–3 matched).
 * Tiers 4–5 have their own candidates (the first word's first two characters, the corrections, the trigram index on
 * the name), read only when 0–3 found nothing.
 */
import "server-only";
import { getDb, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { toRegexLiteral, toSearchPlan, type Correction, type RegionHit, type SearchPlan } from "@/lib/search/search-plan";
import { toAnyWordQuery, toGroupsQuery, toWordQuery } from "@/lib/search/token-query";

export type { Correction, RegionHit };
export type AgencyHit = { id: number; name: string; regionPath: string | null; years: number[]; tier: number };
export type SearchResult = {
  query: string;
  plan: SearchPlan;
  agencies: AgencyHit[];
  total: number;
  page: number;
  pageSize: number;
  /** true when the hits are the fallback (prefix or fuzzy), so the page offers the corrections */
  approximate: boolean;
};

export const SEARCH_PAGE_SIZE = 20;
const FUZZY_THRESHOLD = 0.3;

type Row = { id: number; name: string; regionPath: string | null; years: number[]; tier: number; total: bigint | number };

/** Agencies (with their years), places and corrections for a query; `page` counts from 1. */
export async function search(query: string, page = 1, pageSize = SEARCH_PAGE_SIZE): Promise<SearchResult> {
  return searchIn(await getDb(), query, page, pageSize);
}

/** `search` on a given client (tests): exactly one statement, `$queryRaw`, per call with any words. */
export async function searchIn(db: Db, query: string, page = 1, pageSize = SEARCH_PAGE_SIZE): Promise<SearchResult> {
  const plan = toSearchPlan(query);
  const empty = { query, plan, agencies: [], total: 0, page, pageSize, approximate: false };
  const direct = toGroupsQuery(plan.groups);
  if (plan.groups.length === 0 || direct === null) return empty;
  const groups = plan.groups.map((alternatives) => `(${alternatives.map(toRegexLiteral).join("|")})`);
  const firstGroup = `^${groups[0] ?? ""}`;
  const corrections = [...new Set(plan.corrections.map((c) => c.name))];
  // fallback candidates: any prefix of the first word holds its first two characters (the shortest prefix), a
  // correction its own pieces; the typo arm only with text to compare (an empty one would read the whole index)
  const shortestPrefix = plan.prefixes[plan.prefixes.length - 1];
  const fallbackTokens = toAnyWordQuery([...(shortestPrefix ? [shortestPrefix] : []), ...corrections]);
  const fallbackArms = [
    ...(fallbackTokens ? [Prisma.sql`a."searchTokens" @@ ${fallbackTokens}::tsquery`] : []),
    // % is similarity ≥ pg_trgm.similarity_threshold (0.3 unless changed), the trigram index's operator
    ...(plan.fuzzyText ? [Prisma.sql`a."name" % ${plan.fuzzyText}::text`] : []),
  ];
  const fallbackWhere = fallbackArms.length > 0 ? Prisma.join(fallbackArms, " OR ") : Prisma.sql`false`;
  const rows = await db.$queryRaw<Row[]>`
    WITH candidates AS MATERIALIZED (
      SELECT a."id", a."name", r."path" AS "regionPath",
        a."name" || ' ' || coalesce((SELECT string_agg(al."name", ' ') FROM "AgencyAlias" al WHERE al."agencyId" = a."id"), '')
          AS "names",
        coalesce(r."path", '') AS "path"
      FROM "Agency" a LEFT JOIN "Region" r ON r."code" = a."regionCode"
      WHERE a."searchTokens" @@ ${direct}::tsquery AND EXISTS (SELECT 1 FROM "Report" x WHERE x."agencyId" = a."id")
    ), scored AS (
      SELECT h.*,
        (SELECT bool_and(h."names" ~* g) FROM unnest(${groups}::text[]) g) AS "inName",
        (SELECT bool_and((h."names" || ' ' || h."path") ~* g) FROM unnest(${groups}::text[]) g) AS "inPath"
      FROM candidates h
    ), hits AS (
      SELECT t.* FROM (
        SELECT s."id", s."name", s."regionPath", similarity(s."name", ${plan.fuzzyText}) AS "similarity", CASE
            WHEN s."name" = ANY(${plan.exact}::text[]) THEN 0
            WHEN s."inName" AND s."name" ~* ${firstGroup} THEN 1
            WHEN s."inName" THEN 2
            WHEN s."inPath" THEN 3
          END AS "tier"
        FROM scored s
      ) t WHERE t."tier" IS NOT NULL
    ), fallbackCandidates AS MATERIALIZED (
      SELECT a."id", a."name", r."path" AS "regionPath",
        a."name" || ' ' || coalesce((SELECT string_agg(al."name", ' ') FROM "AgencyAlias" al WHERE al."agencyId" = a."id"), '')
          || ' ' || coalesce(r."path", '') AS "hay"
      FROM "Agency" a LEFT JOIN "Region" r ON r."code" = a."regionCode"
      WHERE NOT EXISTS (SELECT 1 FROM hits) AND (${fallbackWhere})
        AND EXISTS (SELECT 1 FROM "Report" x WHERE x."agencyId" = a."id")
    ), fallbackTiered AS (
      SELECT s.*, CASE
          WHEN s."prefixLength" IS NOT NULL THEN 4
          WHEN s."corrected" OR s."similarity" >= ${FUZZY_THRESHOLD} THEN 5
        END AS "tier"
      FROM (
        SELECT f."id", f."name", f."regionPath", similarity(f."name", ${plan.fuzzyText}) AS "similarity",
          (SELECT max(length(p)) FROM unnest(${plan.prefixes}::text[]) p WHERE strpos(f."hay", p) > 0) AS "prefixLength",
          EXISTS (SELECT 1 FROM unnest(${corrections}::text[]) c WHERE strpos(f."hay", c) > 0) AS "corrected"
        FROM fallbackCandidates f
      ) s
    ), fallbackHits AS (
      SELECT t.* FROM (
        SELECT f.*, max(f."prefixLength") FILTER (WHERE f."tier" = 4) OVER () AS "longest"
        FROM fallbackTiered f WHERE f."tier" IS NOT NULL
      ) t WHERE t."tier" = 5 OR t."prefixLength" = t."longest"
    ), ranked AS (
      SELECT "id", "name", "regionPath", "similarity", "tier" FROM hits
      UNION ALL
      SELECT "id", "name", "regionPath", "similarity", "tier" FROM fallbackHits
    ), paged AS (
      SELECT k.*, count(*) OVER () AS "total" FROM ranked k
      ORDER BY k."tier", k."similarity" DESC, length(k."name"), k."name", k."id"
      LIMIT ${pageSize}::int OFFSET ${(page - 1) * pageSize}::int
    )
    SELECT k."id", k."name", k."regionPath", k."tier",
      ARRAY(SELECT x."year" FROM "Report" x WHERE x."agencyId" = k."id" AND x."isLatest" ORDER BY x."year" DESC) AS "years",
      k."total"
    FROM paged k
    ORDER BY k."tier", k."similarity" DESC, length(k."name"), k."name", k."id"`;
  const agencies = rows.map((r) => ({ id: r.id, name: r.name, regionPath: r.regionPath, years: r.years, tier: r.tier }));
  const total = Number(rows[0]?.total ?? 0);
  return { ...empty, agencies, total, approximate: agencies.length > 0 && agencies.every((a) => a.tier >= 4) };
}

/** The most candidates listAgencyIdsContaining narrows to; with more, reading them costs about what a scan does. */
const MAX_CONTAINING = 5000;

/**
 * The agencies whose name, aliases or region path can contain `text` (the search-token index: a superset, the caller
 * tests the text itself), or null when there are more than `limit` (then the caller scans as before). One query.
 */
export async function listAgencyIdsContaining(db: Db, text: string, limit = MAX_CONTAINING): Promise<number[] | null> {
  const tokens = toWordQuery(text);
  if (tokens === null) return null;
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "Agency" WHERE "searchTokens" @@ ${tokens}::tsquery LIMIT ${limit + 1}::int`;
  return rows.length > limit ? null : rows.map((r) => r.id);
}
