/**
 * The reporting body (报告主体) of a report, in one place: its identity (one agency across years and name variants),
 * level (层级) and kind (类别). Identity = region code + canonical name; the name as printed, when different, is kept as
 * an alias. Used by the write path (lib/db/upsert-report.ts), the filters and the API (lib/http/params.ts), and tests.
 * Pure: the gazetteer in, plain values out.
 */
import { getRegion, getRegionChain, type Region } from "./gazetteer";

/** The levels a peer group can be filtered by: 省 | 市 | 县 | 乡 (by the agency's region). */
export const AGENCY_LEVELS = ["省", "市", "县", "乡"] as const;
/** The level stored when a report names no known region (never offered as a filter: it is not a peer group). */
export const UNKNOWN_AGENCY_LEVEL = "未知";
/** 省 | 市 | 县 | 乡, or 未知 when the report names no known region. */
export type AgencyLevel = (typeof AGENCY_LEVELS)[number] | typeof UNKNOWN_AGENCY_LEVEL;

/** Every kind ingest writes (and so every kind a filter offers): 人民政府 | 行政公署 | 办公厅 | 办公室 | 部门 | 街道 */
export const AGENCY_KINDS = ["人民政府", "行政公署", "办公厅", "办公室", "部门", "街道"] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

const LEVEL_BY_REGION: Record<Region["level"], (typeof AGENCY_LEVELS)[number]> = { 1: "省", 2: "市", 3: "县", 4: "乡" };

/** The body's kind from its name's suffix (办事处 of a 街道 counts as 街道). */
export function toAgencyKind(name: string): AgencyKind {
  if (name.endsWith("人民政府")) return "人民政府";
  if (name.endsWith("行政公署")) return "行政公署";
  if (name.endsWith("办公厅")) return "办公厅";
  if (name.endsWith("办公室")) return "办公室";
  if (/街道(办事处)?$/.test(name)) return "街道";
  return "部门";
}

/**
 * The canonical form of a printed name: whitespace removed, "X政府" → "X人民政府",
 * a bare place name (鄂托克旗) → that place's 人民政府 (a 盟's 行政公署).
 */
export function toCanonicalAgencyName(printed: string, region: Region | undefined): string {
  const name = printed.replace(/\s+/g, "");
  if (region && name === region.name) return name + (name.endsWith("盟") ? "行政公署" : "人民政府");
  if (name.endsWith("政府") && !name.endsWith("人民政府")) return name.slice(0, -2) + "人民政府";
  return name;
}

/**
 * The name that identifies a body within its region: the canonical name without the names of the
 * region's ancestors printed in front of it, so 淮安市洪泽区人民政府 and 洪泽区人民政府 (region 320813)
 * are one agency, as are 内蒙古自治区鄂尔多斯市鄂托克旗人民政府 and 鄂托克旗人民政府.
 */
export function toAgencyIdentityName(canonical: string, region: Region | undefined): string {
  if (!region) return canonical;
  let name = canonical;
  for (const ancestor of getRegionChain(region.code).slice(0, -1)) {
    if (name.startsWith(ancestor.name) && name.length > ancestor.name.length) name = name.slice(ancestor.name.length);
  }
  return name;
}

/** Province / prefecture / county codes of a region, for the denormalised peer-group columns. */
export function toPeerGroupCodes(region: Region | undefined): {
  provinceCode: string | null;
  prefectureCode: string | null;
  countyCode: string | null;
} {
  if (!region) return { provinceCode: null, prefectureCode: null, countyCode: null };
  const code = region.code;
  return {
    provinceCode: `${code.slice(0, 2)}0000`,
    prefectureCode: region.level >= 2 ? `${code.slice(0, 4)}00` : null,
    countyCode: region.level >= 3 ? code.slice(0, 6) : null,
  };
}

/** An Agency row's identity columns (level: AgencyLevel, kind: AgencyKind; stored as text). */
export type ResolvedAgency = {
  id: number;
  name: string;
  regionCode: string | null;
  level: string;
  kind: string;
  provinceCode: string | null;
  prefectureCode: string | null;
  countyCode: string | null;
};

/** The identity of a printed body and the columns of its Agency row when it is new. */
export type AgencyIdentity = Omit<ResolvedAgency, "id"> & { key: string; printed: string };

/**
 * Pure: name, identity key, level, kind and peer-group codes of the body a report names. The name is the canonical name
 * without the ancestor regions printed in front of it (so the same for every report of the body, whatever order they
 * arrive in); a department keeps its own place prefix (淮安市财政局).
 */
export function toAgencyIdentity({ name: printed, regionCode }: { name: string; regionCode: string | null }): AgencyIdentity {
  const region = regionCode ? getRegion(regionCode) : undefined;
  // the stored name is the identity name: which report of a body is ingested first (淮安市洪泽区人民政府 in one year's
  // title, 洪泽区人民政府 in another's) must not decide how the body is called; the region path says where it is
  const name = toAgencyIdentityName(toCanonicalAgencyName(printed, region), region);
  return {
    key: `${region?.code ?? "-"}/${name}`,
    printed,
    name,
    regionCode: region?.code ?? null,
    level: region ? LEVEL_BY_REGION[region.level] : UNKNOWN_AGENCY_LEVEL,
    kind: toAgencyKind(name),
    ...toPeerGroupCodes(region),
  };
}
