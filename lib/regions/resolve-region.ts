/**
 * Agency name → GB/T 2260 region code. The name is cut into place names by longest-prefix lookup
 * in the gazetteer (扎赉特旗宝力根花苏木人民政府 → 扎赉特旗 + 宝力根花苏木); a name that occurs in
 * several places is resolved by the earlier place names, by code hints (公网安备 / 政府网站标识码
 * numbers embed the county code) and by parent place names elsewhere in the text.
 */
import { matchAreaAlias, type AreaAlias } from "./area-aliases";
import { findRegionsByName, getRegion, getRegionChain, type Region } from "./gazetteer";

/** Longest place name tried when cutting a name (积石山保安族东乡族撒拉族自治县 is 15). */
const MAX_NAME = 20;

/** The code's significant prefix: 150000 → 15, 152900 → 1529, 150624 → 150624, 9 digits unchanged. */
export function codePrefix(code: string): string {
  if (code.length !== 6) return code;
  if (code.endsWith("0000")) return code.slice(0, 2);
  if (code.endsWith("00")) return code.slice(0, 4);
  return code;
}

/** One place name cut off an agency name; `alias` is set when it is a managed area of the alias table. */
export type PlacePart = { text: string; regions: readonly Region[]; alias?: AreaAlias };

/**
 * Cuts the leading place names off an agency name; stops at the first part that is no place. A
 * managed area that is no GB/T 2260 division (平潭综合实验区) is cut by the alias table, the longer
 * of the two readings winning (平潭综合实验区 over 平潭县's …).
 */
export function splitPlaceNames(name: string): PlacePart[] {
  const parts: PlacePart[] = [];
  let i = 0;
  while (i < name.length) {
    let found: PlacePart | null = null;
    for (let j = Math.min(name.length, i + MAX_NAME); j >= i + 2; j--) {
      const regions = findRegionsByName(name.slice(i, j));
      if (regions.length === 0) continue;
      found = { text: name.slice(i, j), regions };
      break;
    }
    const alias = matchAreaAlias(name, i);
    if (alias && (!found || alias.name.length > found.text.length)) {
      const region = getRegion(alias.alias.code);
      found = region ? { text: alias.name, regions: [region], alias: alias.alias } : found;
    }
    if (!found) break;
    parts.push(found);
    i += found.text.length;
  }
  return parts;
}

const related = (a: string, b: string): boolean => {
  const pa = codePrefix(a);
  const pb = codePrefix(b);
  return pa.startsWith(pb) || pb.startsWith(pa);
};

/** Resolution context: code hints (6-digit county codes) and the full text for parent names. */
export type RegionContext = { hints: readonly string[]; text: string };

function narrow(candidates: Region[], keep: (r: Region) => boolean): Region[] {
  const kept = candidates.filter(keep);
  return kept.length > 0 ? kept : candidates;
}

/** The region an agency belongs to and, when a managed area's alias decided it, that area's name. */
export type ResolvedRegion = Region & { viaAlias?: string };

/** The region an agency belongs to, or null when it cannot be told apart. */
export function resolveRegion(name: string, ctx: RegionContext): ResolvedRegion | null {
  const parts = splitPlaceNames(name);
  const last = parts[parts.length - 1];
  if (last?.alias) {
    // the managed area decides; earlier parts (福建省平潭综合实验区) only have to agree with it
    const region = last.regions[0]!;
    const agrees = parts.slice(0, -1).every((p) => p.regions.some((e) => related(region.code, e.code)));
    return agrees ? { ...region, viaAlias: last.text } : null;
  }
  if (parts.length === 0) {
    const hinted = ctx.hints.map((h) => getRegion(h)).find((r) => r !== undefined);
    return hinted ?? null;
  }
  let candidates = [...parts[parts.length - 1]!.regions];
  for (const earlier of parts.slice(0, -1)) {
    candidates = narrow(candidates, (c) => earlier.regions.some((e) => related(c.code, e.code)));
  }
  if (candidates.length > 1 && ctx.hints.length > 0) {
    candidates = narrow(candidates, (c) => ctx.hints.some((h) => related(c.code, h)));
  }
  if (candidates.length > 1) {
    candidates = narrow(candidates, (c) =>
      getRegionChain(c.code)
        .slice(0, -1)
        .some((p) => p.name.length >= 2 && ctx.text.includes(p.name)),
    );
  }
  if (candidates.length === 1) return candidates[0]!;
  // 金门县 is both a county and its only township: the one that contains all the others wins.
  const outer = candidates.find((c) => candidates.every((o) => o === c || codePrefix(o.code).startsWith(codePrefix(c.code))));
  return outer ?? null;
}
