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
 * the name), read only when 0–3 found nothing. Within a tier the order is trigram similarity to the Chinese words
 * (descending), then name length, name and id.
 *
 * A common word ("人民政府", "公安局": most agencies, 47k hits of 50k) costs one pass over its candidates, for the tiers
 * and the exact total: the name is tested first (strpos for Chinese words, not a regular expression) and the aliases
 * (an index probe) and the region path (a key lookup) only when the name does not have the word; "has a report" is the
 * stored Agency."reportYears". Similarity is NOT computed per hit: the counts per tier say which tiers the page
 * overlaps; a small one (or a deep page) has its hits' similarity computed and sorted, a large one is read nearest
 * first from the trigram GiST index on the name (KNN, see `nearest`), which stops a little past the page's end. Tiers
 * wholly before the page only move its start. Region paths and years are read for the page's rows only.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { toRegexLiteral, type SearchPlan } from "@/lib/search/search-plan";
import { toAnyWordQuery, toGroupsQuery } from "@/lib/search/token-query";

const FUZZY_THRESHOLD = 0.3;

/** How a large tier is paged (tests lower `nearestMinHits` to read even a few hits nearest first). */
export type SearchSqlOptions = {
  /** a tier 1–2 with more hits than this is read nearest first from the trigram index when the page needs it */
  nearestMinHits: number;
  /** ...down to at most this many of its rows (a deeper page has the tier's similarities computed and sorted) */
  nearestMaxDepth: number;
};

/**
 * Nearest first costs about one walk of the trigram index (≈ 5 ms of database CPU at 50k agencies); a similarity
 * costs about 1.5 µs per hit, so below a few thousand hits computing them all is as cheap.
 */
export const SEARCH_SQL_OPTIONS: SearchSqlOptions = { nearestMinHits: 2000, nearestMaxDepth: 1000 };

/** Text with no letter case (Chinese characters, digits): `~*` on it is plain substring matching. */
const CASELESS = /^[\p{Script=Han}0-9]+$/u;

/**
 * `text` contains one of the alternatives, ignoring case (`~*`, as ever). Alternatives without letter case (Chinese,
 * what nearly every search is) are tested with strpos instead: the same answer without running a regular expression,
 * which a common word does once per hit (47k times for 公安局 at 50k agencies).
 */
function containsAny(text: Prisma.Sql, alternatives: string[]): Prisma.Sql {
  if (!alternatives.every((a) => CASELESS.test(a))) return Prisma.sql`${text} ~* ${`(${alternatives.map(toRegexLiteral).join("|")})`}`;
  return Prisma.sql`(${Prisma.join(
    alternatives.map((a) => Prisma.sql`strpos(${text}, ${a}) > 0`),
    " OR ",
  )})`;
}

/** `text` starts with one of the alternatives, ignoring case (as containsAny). */
function startsWithAny(text: Prisma.Sql, alternatives: string[]): Prisma.Sql {
  if (!alternatives.every((a) => CASELESS.test(a))) return Prisma.sql`${text} ~* ${`^(${alternatives.map(toRegexLiteral).join("|")})`}`;
  return Prisma.sql`(${Prisma.join(
    alternatives.map((a) => Prisma.sql`starts_with(${text}, ${a})`),
    " OR ",
  )})`;
}

/**
 * The one statement of a search: a page of hits in tier order, each with its years and the total; null when the plan
 * has no word to look for. Without "server-only", so the page benchmark can EXPLAIN it.
 */
export function searchSql(
  plan: SearchPlan,
  page: number,
  pageSize: number,
  options: SearchSqlOptions = SEARCH_SQL_OPTIONS,
): Prisma.Sql | null {
  const direct = toGroupsQuery(plan.groups);
  if (plan.groups.length === 0 || direct === null) return null;
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
  // per group: the name or an alias has one of its alternatives (n_i), or else the region path has one; the words hold
  // no space, so this is the same as matching the text "name aliases… path" the search tokens are made of
  const inNames = (row: string): Prisma.Sql[] =>
    plan.groups.map(
      (g) =>
        Prisma.sql`(${containsAny(Prisma.raw(`${row}."name"`), g)} OR EXISTS (SELECT 1 FROM "AgencyAlias" al WHERE al."agencyId" = ${Prisma.raw(`${row}."id"`)} AND ${containsAny(Prisma.sql`al."name"`, g)}))`,
    );
  /** The tier (0–3, null: not a hit) of the agency `row`, whose name/alias test per group is `named` */
  const tierOf = (row: string, named: Prisma.Sql[]): Prisma.Sql => {
    const name = Prisma.raw(`${row}."name"`);
    const inName = Prisma.join(named, " AND ");
    const inPath = Prisma.join(
      plan.groups.map((g, i) => Prisma.sql`(${named[i]} OR ${containsAny(Prisma.sql`r."path"`, g)})`),
      " AND ",
    );
    return Prisma.sql`CASE
        WHEN ${name} = ANY(${plan.exact}::text[]) THEN 0
        WHEN ${inName} AND ${startsWithAny(name, plan.groups[0] ?? [])} THEN 1
        WHEN ${inName} THEN 2
        WHEN EXISTS (SELECT 1 FROM "Region" r WHERE r."code" = ${Prisma.raw(`${row}."regionCode"`)} AND ${inPath}) THEN 3
      END`;
  };
  /** the candidates: every group's two-character pieces among the search tokens (GIN index), and a report */
  const isCandidate = (row: string): Prisma.Sql =>
    Prisma.sql`${Prisma.raw(`${row}."searchTokens"`)} @@ ${direct}::tsquery AND ${Prisma.raw(`${row}."reportYears"`)} > 0`;
  const offset = (page - 1) * pageSize;
  const end = offset + pageSize;
  // a similarity with no Chinese text is 0 for every name (pg_trgm): not worth computing per hit
  const similarityOf = (name: Prisma.Sql): Prisma.Sql =>
    plan.fuzzyText ? Prisma.sql`similarity(${name}, ${plan.fuzzyText}::text)` : Prisma.sql`0::real`;
  /**
   * The rows of a large tier down to the page's end (and their ties), from the trigram index nearest first (KNN): the
   * index scan hands out agencies by trigram distance (1 − similarity), those of the tier pass (its test, on these
   * few rows only), and the scan stops at the first whose rank by distance is past the page's end (the window's run
   * condition, PostgreSQL 15+). The LIMIT that is not a constant makes the planner start from the index rather than
   * sort every agency; it cuts nothing.
   */
  const nearest = (tier: number): Prisma.Sql => Prisma.sql`
    SELECT x."id", x."name", x."regionCode", ${similarityOf(Prisma.sql`x."name"`)} AS "similarity", ${tier}::int AS "tier" FROM (
      SELECT k."id", k."name", k."regionCode",
        rank() OVER (ORDER BY k."distance" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "place"
      FROM (
        SELECT a."id", a."name", a."regionCode", a."searchTokens", a."reportYears", a."name" <-> ${plan.fuzzyText}::text AS "distance"
        FROM "Agency" a
        ORDER BY a."name" <-> ${plan.fuzzyText}::text
        LIMIT (SELECT NULL::bigint)
      ) k
      WHERE ${isCandidate("k")} AND ${tierOf("k", inNames("k"))} = ${tier}::int
    ) x
    WHERE (SELECT w."nearest" FROM windows w WHERE w."tier" = ${tier}::int) IS TRUE AND x."place" <= ${end}::int`;
  const namedColumns = plan.groups.map((_, i) => Prisma.raw(`s."n${i}"`));
  return Prisma.sql`
    WITH hits AS MATERIALIZED (
      SELECT t."id", t."name", t."regionCode", t."tier" FROM (
        SELECT s."id", s."name", s."regionCode", ${tierOf("s", namedColumns)} AS "tier"
        FROM (
          SELECT c."id", c."name", c."regionCode",
            ${Prisma.join(
              inNames("c").map((test, i) => Prisma.sql`${test} AS ${Prisma.raw(`"n${i}"`)}`),
              ", ",
            )}
          FROM "Agency" c
          WHERE ${isCandidate("c")}
          OFFSET 0
        ) s
      ) t WHERE t."tier" IS NOT NULL
    ), counts AS MATERIALIZED (
      SELECT h."tier", count(*)::int AS "n" FROM hits h GROUP BY h."tier"
    ), windows AS MATERIALIZED (
      -- which tiers the page overlaps, and whether a tier is read nearest first from the index (large, with Chinese
      -- text to compare, not too deep) or has every hit's similarity computed and sorted
      SELECT w.*, w."needed" AND w."tier" IN (1, 2) AND w."n" > ${options.nearestMinHits}::int
          AND ${end}::int - w."before" <= ${options.nearestMaxDepth}::int AND ${Prisma.raw(plan.fuzzyText ? "true" : "false")} AS "nearest"
      FROM (
        SELECT c."tier", c."n", c."before", c."before" < ${end}::int AND c."before" + c."n" > ${offset}::int AS "needed"
        FROM (
          SELECT c."tier", c."n",
            coalesce(sum(c."n") OVER (ORDER BY c."tier" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::int AS "before"
          FROM counts c
          -- no parallel workers for this statement (migration agency_name_trgm_gist): see the function's comment
          WHERE "search_serial"()
        ) c
      ) w
    ), scored AS (
      SELECT h."id", h."name", h."regionCode", ${similarityOf(Prisma.sql`h."name"`)} AS "similarity", h."tier"
      FROM hits h JOIN windows w ON w."tier" = h."tier"
      WHERE w."needed" AND NOT w."nearest"
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
    ), fallbackHits AS MATERIALIZED (
      SELECT t.* FROM (
        SELECT f.*, max(f."prefixLength") FILTER (WHERE f."tier" = 4) OVER () AS "longest"
        FROM fallbackTiered f WHERE f."tier" IS NOT NULL
      ) t WHERE t."tier" = 5 OR t."prefixLength" = t."longest"
    ), ranked AS (
      SELECT "id", "name", "regionCode", "similarity", "tier" FROM scored
      ${plan.fuzzyText ? Prisma.sql`UNION ALL (${nearest(1)}) UNION ALL (${nearest(2)})` : Prisma.empty}
      UNION ALL
      SELECT "id", "name", "regionCode", "similarity", "tier" FROM fallbackHits
    ), paged AS (
      SELECT k.* FROM ranked k
      ORDER BY k."tier", k."similarity" DESC, length(k."name"), k."name", k."id"
      -- the tiers wholly before the page are not read: their hits only move the page's start
      LIMIT ${pageSize}::int
      OFFSET (SELECT ${offset}::int - coalesce(sum(w."n"), 0)::int FROM windows w WHERE w."before" + w."n" <= ${offset}::int)
    )
    SELECT k."id", k."name", (SELECT r."path" FROM "Region" r WHERE r."code" = k."regionCode") AS "regionPath", k."tier",
      ARRAY(SELECT x."year" FROM "Report" x WHERE x."agencyId" = k."id" AND x."isLatest" ORDER BY x."year" DESC) AS "years",
      (SELECT coalesce(sum(c."n"), 0) FROM counts c) + (SELECT count(*) FROM fallbackHits) AS "total"
    FROM paged k
    ORDER BY k."tier", k."similarity" DESC, length(k."name"), k."name", k."id"`;
}
