/**
 * Expected publishers (应发布主体) from the gazetteer: every region from province to township has a government that
 * must publish a 政府信息公开工作年度报告 each year: its 人民政府, a 盟's or 地区's 行政公署, a 街道's 办事处, and
 * for development zones where the gazetteer lists them as regions (开发区, 园区, 管理区 …) the 管理委员会.
 * Regions whose body is unknown (农场, 林场, 群岛 …) expect nobody. Departments are not in the gazetteer: they count
 * once a report of theirs has been seen (lib/db/coverage.ts).
 * Pure: the gazetteer is static data.
 */
import { getRegion, isPlaceholderRegionName, listRegions, type Region, type RegionLevel } from "./gazetteer";

/** The government body a region is expected to have. */
export type ExpectedKind = "人民政府" | "行政公署" | "街道办事处" | "管委会";

export type ExpectedPublisher = { regionCode: string; regionName: string; level: RegionLevel; name: string; kind: ExpectedKind };

const ZONE_RE = /(开发区|园区|管理区|实验区|示范区|合作区|新城|高新区|保税区|产业区|度假区|旅游区)$/;
const COMMITTEE_RE = /(管委会|管理委员会|行政委员会)$/;
const COUNTY_RE = /(县|区|市|旗|自治县|自治旗|特区|林区)$/;
const TOWNSHIP_RE = /(镇|乡|苏木|民族乡)$/;

/** The body a region is expected to publish under, or null when the gazetteer does not tell (农场, 林场, 群岛). */
export function toExpectedPublisher(region: Region): ExpectedPublisher | null {
  if (isPlaceholderRegionName(region.name)) return null;
  const base = { regionCode: region.code, regionName: region.name, level: region.level };
  const n = region.name;
  if (COMMITTEE_RE.test(n)) return { ...base, name: n, kind: "管委会" };
  if (ZONE_RE.test(n)) return { ...base, name: `${n}管理委员会`, kind: "管委会" };
  if (region.level === 1) return { ...base, name: `${n}人民政府`, kind: "人民政府" };
  if (region.level === 2) {
    if (/(盟|地区)$/.test(n)) return { ...base, name: `${n}行政公署`, kind: "行政公署" };
    return { ...base, name: `${n}人民政府`, kind: "人民政府" };
  }
  if (region.level === 3) return COUNTY_RE.test(n) ? { ...base, name: `${n}人民政府`, kind: "人民政府" } : null;
  if (n.endsWith("街道")) return { ...base, name: `${n}办事处`, kind: "街道办事处" };
  return TOWNSHIP_RE.test(n) ? { ...base, name: `${n}人民政府`, kind: "人民政府" } : null;
}

/** Names of the government levels, as coverage lines print them ("收录 7 / 104 个县级政府"). */
export const GOVERNMENT_LEVEL_NAMES: Record<RegionLevel, string> = { 1: "省级政府", 2: "市级政府", 3: "县级政府", 4: "乡级政府（含街道）" };

type Index = {
  publishers: Map<string, ExpectedPublisher>;
  /** code → expected publishers at or below it, by level (index 0 = level 1) */
  counts: Map<string, [number, number, number, number]>;
  /** code → expected publishers at or below it, by level (index 0 = level 1), in gazetteer order; "" = the country */
  below: Map<string, ExpectedPublisher[][]>;
};
let index: Index | null = null;

function build(): Index {
  const publishers = new Map<string, ExpectedPublisher>();
  const counts = new Map<string, [number, number, number, number]>();
  const below = new Map<string, ExpectedPublisher[][]>();
  const listBelow = (code: string): ExpectedPublisher[][] => {
    let lists = below.get(code);
    if (!lists) below.set(code, (lists = [[], [], [], []]));
    return lists;
  };
  for (const r of listRegions()) {
    const p = toExpectedPublisher(r);
    if (!p) continue;
    publishers.set(r.code, p);
    listBelow("")[r.level - 1]!.push(p);
    // add to itself and every ancestor (a region that is its own parent in the data is counted once)
    const seen = new Set<string>();
    for (let cur: Region | undefined = r; cur && !seen.has(cur.code); cur = cur.parentCode ? getRegion(cur.parentCode) : undefined) {
      seen.add(cur.code);
      let c = counts.get(cur.code);
      if (!c) counts.set(cur.code, (c = [0, 0, 0, 0]));
      c[r.level - 1] = (c[r.level - 1] ?? 0) + 1;
      listBelow(cur.code)[r.level - 1]!.push(p);
    }
  }
  return { publishers, counts, below };
}

function getIndex(): Index {
  index ??= build();
  return index;
}

/** The expected publisher of one region (null when the gazetteer names no body for it). */
export function getExpectedPublisher(code: string): ExpectedPublisher | null {
  return getIndex().publishers.get(code) ?? null;
}

/**
 * How many governments are expected at or below a region, by level [省, 市, 县, 乡]; the whole country with no code.
 * 江苏省 (320000) → [1, 13, 104, …]: the gazetteer's own counts.
 */
export function countExpectedGovernments(code?: string): [number, number, number, number] {
  const { counts } = getIndex();
  if (code) return [...(counts.get(code) ?? [0, 0, 0, 0])] as [number, number, number, number];
  const total: [number, number, number, number] = [0, 0, 0, 0];
  for (const r of listRegions()) {
    if (r.level !== 1) continue;
    const c = counts.get(r.code);
    if (c) for (let i = 0; i < 4; i++) total[i]! += c[i]!;
  }
  return total;
}

/**
 * Every expected publisher at or below a region (or in the country), in gazetteer order, optionally one level only.
 * Read from an index built once (the gazetteer is static): the national township list is a copy, not a scan.
 */
export function listExpectedPublishers(code?: string, level?: RegionLevel): ExpectedPublisher[] {
  const lists = getIndex().below.get(code ?? "");
  if (!lists) return [];
  const chosen = level ? [...lists[level - 1]!] : lists.flat();
  // keep the gazetteer order across levels when no level is chosen
  if (!level) chosen.sort((a, b) => order(a) - order(b));
  const prefix = code ? regionCodePrefix(code) : "";
  return prefix ? chosen.filter((p) => p.regionCode.startsWith(prefix)) : chosen;
}

let positions: Map<string, number> | null = null;

/** A publisher's place in the gazetteer's order. */
function order(p: ExpectedPublisher): number {
  if (!positions) positions = new Map([...getIndex().publishers.keys()].map((code, i) => [code, i]));
  return positions.get(p.regionCode) ?? 0;
}

function regionCodePrefix(code: string): string {
  const r = getRegion(code);
  if (!r) return code;
  if (r.level === 1) return code.slice(0, 2);
  if (r.level === 2) return code.slice(0, 4);
  return code.slice(0, 6) === code ? code : code;
}
