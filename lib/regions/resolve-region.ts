/**
 * Agency name → GB/T 2260 region code. The name is cut into place names by longest-prefix lookup
 * in the gazetteer (扎赉特旗宝力根花苏木人民政府 → 扎赉特旗 + 宝力根花苏木); a name that occurs in
 * several places is resolved by the earlier place names, by code hints (公网安备 / 政府网站标识码
 * numbers embed the county code) and by parent place names elsewhere in the text.
 */
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

/** Cuts the leading place names off an agency name; stops at the first part that is no place. */
export function splitPlaceNames(name: string): Array<{ text: string; regions: readonly Region[] }> {
  const parts: Array<{ text: string; regions: readonly Region[] }> = [];
  let i = 0;
  while (i < name.length) {
    let found = false;
    for (let j = Math.min(name.length, i + MAX_NAME); j >= i + 2; j--) {
      const regions = findRegionsByName(name.slice(i, j));
      if (regions.length === 0) continue;
      parts.push({ text: name.slice(i, j), regions });
      i = j;
      found = true;
      break;
    }
    if (!found) break;
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

/** The region an agency belongs to, or null when it cannot be told apart. */
export function resolveRegion(name: string, ctx: RegionContext): Region | null {
  const parts = splitPlaceNames(name);
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
    candidates = narrow(candidates, (c) => getRegionChain(c.code).slice(0, -1).some((p) => p.name.length >= 2 && ctx.text.includes(p.name)));
  }
  if (candidates.length === 1) return candidates[0]!;
  // 金门县 is both a county and its only township: the one that contains all the others wins.
  const outer = candidates.find((c) => candidates.every((o) => o === c || codePrefix(o.code).startsWith(codePrefix(c.code))));
  return outer ?? null;
}
