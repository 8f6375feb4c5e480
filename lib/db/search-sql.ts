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
 *
 * Cost per candidate, which is what a common word ("人民政府", "公安局": most agencies) pays thousands of times: the
 * name is tested first and the aliases (an index probe) and the region path (a key lookup) only when the name does not
 * have the word; "has a report" is the stored Agency."reportYears" (kept by the holdings triggers), not a probe of
 * "Report"; the region path of a hit is read for the page's rows only. Every hit still gets its tier and trigram
 * similarity, as the order (tier, similarity, length, name, id) and the exact total need them.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { toRegexLiteral, type SearchPlan } from "@/lib/search/search-plan";
import { toAnyWordQuery, toGroupsQuery } from "@/lib/search/token-query";

const FUZZY_THRESHOLD = 0.3;

/**
 * The one statement of a search: a page of hits in tier order, each with its years and the total; null when the plan
 * has no word to look for. Without "server-only", so the page benchmark can EXPLAIN it.
 */
export function searchSql(plan: SearchPlan, page: number, pageSize: number): Prisma.Sql | null {
  const direct = toGroupsQuery(plan.groups);
  if (plan.groups.length === 0 || direct === null) return null;
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
  // per group: the name or an alias has one of its alternatives (n_i), or else the region path has (p_i); the words
  // hold no space, so this is the same as matching the text "name aliases… path" the search tokens are made of
  const inNames = groups.map(
    (g) => Prisma.sql`(c."name" ~* ${g} OR EXISTS (SELECT 1 FROM "AgencyAlias" al WHERE al."agencyId" = c."id" AND al."name" ~* ${g}))`,
  );
  const namedColumns = inNames.map((test, i) => Prisma.sql`${test} AS ${Prisma.raw(`"n${i}"`)}`);
  const inName = Prisma.join(
    groups.map((_, i) => Prisma.raw(`s."n${i}"`)),
    " AND ",
  );
  const inPath = Prisma.join(
    groups.map((g, i) => Prisma.sql`(${Prisma.raw(`s."n${i}"`)} OR r."path" ~* ${g})`),
    " AND ",
  );
  return Prisma.sql`
    WITH candidates AS MATERIALIZED (
      SELECT c."id", c."name", c."regionCode", ${Prisma.join(namedColumns, ", ")}
      FROM "Agency" c
      WHERE c."searchTokens" @@ ${direct}::tsquery AND c."reportYears" > 0
    ), hits AS (
      SELECT t."id", t."name", t."regionCode", similarity(t."name", ${plan.fuzzyText}) AS "similarity", t."tier" FROM (
        SELECT s."id", s."name", s."regionCode", CASE
            WHEN s."name" = ANY(${plan.exact}::text[]) THEN 0
            WHEN ${inName} AND s."name" ~* ${firstGroup} THEN 1
            WHEN ${inName} THEN 2
            WHEN EXISTS (SELECT 1 FROM "Region" r WHERE r."code" = s."regionCode" AND ${inPath}) THEN 3
          END AS "tier"
        FROM candidates s
      ) t WHERE t."tier" IS NOT NULL
    ), fallbackCandidates AS MATERIALIZED (
      SELECT a."id", a."name", a."regionCode",
        a."name" || ' ' || coalesce((SELECT string_agg(al."name", ' ') FROM "AgencyAlias" al WHERE al."agencyId" = a."id"), '')
          || ' ' || coalesce((SELECT r."path" FROM "Region" r WHERE r."code" = a."regionCode"), '') AS "hay"
      FROM "Agency" a
      WHERE NOT EXISTS (SELECT 1 FROM hits) AND (${fallbackWhere}) AND a."reportYears" > 0
    ), fallbackTiered AS (
      SELECT s.*, CASE
          WHEN s."prefixLength" IS NOT NULL THEN 4
          WHEN s."corrected" OR s."similarity" >= ${FUZZY_THRESHOLD} THEN 5
        END AS "tier"
      FROM (
        SELECT f."id", f."name", f."regionCode", similarity(f."name", ${plan.fuzzyText}) AS "similarity",
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
      SELECT "id", "name", "regionCode", "similarity", "tier" FROM hits
      UNION ALL
      SELECT "id", "name", "regionCode", "similarity", "tier" FROM fallbackHits
    ), paged AS (
      SELECT k.*, count(*) OVER () AS "total" FROM ranked k
      ORDER BY k."tier", k."similarity" DESC, length(k."name"), k."name", k."id"
      LIMIT ${pageSize}::int OFFSET ${(page - 1) * pageSize}::int
    )
    SELECT k."id", k."name", (SELECT r."path" FROM "Region" r WHERE r."code" = k."regionCode") AS "regionPath", k."tier",
      ARRAY(SELECT x."year" FROM "Report" x WHERE x."agencyId" = k."id" AND x."isLatest" ORDER BY x."year" DESC) AS "years",
      k."total"
    FROM paged k
    ORDER BY k."tier", k."similarity" DESC, length(k."name"), k."name", k."id"`;
}
