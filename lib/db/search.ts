/**
 * Search (搜索) by agency or place name. Partial and mixed input works: "鄂托克" finds 鄂托克旗人民政府,
 * "鄂尔多斯 鄂托克" needs every word to match the agency's name, an alias or its region path,
 * and "额敏县政府" falls back to its longest matching part when the whole does not match.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { getRegionChain, listRegions } from "@/lib/regions/gazetteer";
import { toSearchTerms } from "@/lib/view/to-search-terms";

export type AgencyHit = { id: number; name: string; regionPath: string | null; years: number[] };
export type RegionHit = { code: string; name: string; path: string };
export type SearchResult = { query: string; terms: string[]; agencies: AgencyHit[]; regions: RegionHit[] };

const AGENCY_LIMIT = 30;
const REGION_LIMIT = 10;

async function findAgencies(terms: string[]): Promise<AgencyHit[]> {
  if (terms.length === 0) return [];
  const db = await getDb();
  const rows = await db.agency.findMany({
    where: {
      reports: { some: {} },
      AND: terms.map((t) => ({
        OR: [
          { name: { contains: t, mode: "insensitive" as const } },
          { aliases: { some: { name: { contains: t, mode: "insensitive" as const } } } },
          { region: { path: { contains: t, mode: "insensitive" as const } } },
        ],
      })),
    },
    orderBy: { name: "asc" },
    take: AGENCY_LIMIT,
    select: {
      id: true, name: true,
      region: { select: { path: true } },
      reports: { where: { isLatest: true }, select: { year: true }, orderBy: { year: "desc" } },
    },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, regionPath: r.region?.path ?? null, years: r.reports.map((x) => x.year) }));
}

function findRegions(terms: string[]): RegionHit[] {
  const hits: RegionHit[] = [];
  for (const r of listRegions()) {
    if (r.level > 3 || !terms.some((t) => r.name.includes(t))) continue;
    hits.push({ code: r.code, name: r.name, path: getRegionChain(r.code).map((x) => x.name).join(" › ") });
    if (hits.length >= REGION_LIMIT) break;
  }
  return hits;
}

/** Shrinks a word from the end until something matches (额敏县政府 → 额敏县政 → 额敏县); at least two characters. */
async function findByShrinking(word: string): Promise<{ term: string; agencies: AgencyHit[] } | null> {
  for (let len = word.length - 1; len >= 2; len--) {
    const term = word.slice(0, len);
    const agencies = await findAgencies([term]);
    if (agencies.length > 0) return { term, agencies };
  }
  return null;
}

/** Agencies (with their years) and regions matching the query. */
export async function search(query: string): Promise<SearchResult> {
  const terms = toSearchTerms(query);
  let agencies = await findAgencies(terms);
  let used = terms;
  for (const word of agencies.length === 0 ? terms : []) {
    const shrunk = await findByShrinking(word);
    if (!shrunk) continue;
    agencies = shrunk.agencies;
    used = [shrunk.term];
    break;
  }
  return { query, terms: used, agencies, regions: findRegions(used) };
}
