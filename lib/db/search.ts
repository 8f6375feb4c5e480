/**
 * Search (搜索) by agency or place name, in Chinese, pinyin or initials, with typos: ONE database query per search
 * (the statement and its relevance tiers: lib/db/search-sql.ts).
 */
import "server-only";
import { getDb, type Db } from "@/lib/db/client";
import { searchSql } from "@/lib/db/search-sql";
import { toSearchPlan, type Correction, type RegionHit, type SearchPlan } from "@/lib/search/search-plan";
import { toWordQuery } from "@/lib/search/token-query";

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

type Row = { id: number; name: string; regionPath: string | null; years: number[]; tier: number; total: bigint | number };

/** Agencies (with their years), places and corrections for a query; `page` counts from 1. */
export async function search(query: string, page = 1, pageSize = SEARCH_PAGE_SIZE): Promise<SearchResult> {
  return searchIn(await getDb(), query, page, pageSize);
}

/** `search` on a given client (tests): exactly one statement, `$queryRaw`, per call with any words. */
export async function searchIn(db: Db, query: string, page = 1, pageSize = SEARCH_PAGE_SIZE): Promise<SearchResult> {
  const plan = toSearchPlan(query);
  const empty = { query, plan, agencies: [], total: 0, page, pageSize, approximate: false };
  const sql = searchSql(plan, page, pageSize);
  if (sql === null) return empty;
  const rows = await db.$queryRaw<Row[]>(sql);
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
