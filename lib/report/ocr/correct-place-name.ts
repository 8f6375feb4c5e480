/**
 * Place names in an OCR'd agency name (机关名称中的地名), checked against the gazetteer: a place the gazetteer does
 * not know (洪译区, a misread of 洪泽区) is replaced by the one region whose name differs in exactly one character,
 * sits under the place printed before it (or under a place the text names), and is named in the text; otherwise the
 * name is left as read, with a finding. Pure.
 */
import { findRegionsByName, getRegionChain, listRegions, type Region } from "../../regions/gazetteer";

const PLACE = /.+?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|街道|苏木|省|市|州|盟|区|县|旗|镇|乡)/gu;
const BODY = /(人民政府|行政公署|管理委员会|管委会|街道办事处|办事处)$/u;

const stem = (name: string) => name.replace(/(特别行政区|自治区|自治州|自治县|自治旗|地区|街道|苏木|省|市|州|盟|区|县|旗|镇|乡)$/u, "");

function oneCharApart(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i] && ++diff > 1) return false;
  return diff === 1;
}

export type PlaceCorrection = { from: string; to: string; region: Region };

/** The corrected agency name, or null when every place in it is known (or no unique correction exists). */
export function correctPlaceName(name: string, text: string): { name: string; corrections: PlaceCorrection[] } | null {
  const body = BODY.exec(name);
  if (!body) return null;
  const places = name.slice(0, body.index).match(PLACE);
  if (!places || places.join("") !== name.slice(0, body.index)) return null;
  const corrections: PlaceCorrection[] = [];
  let parent: Region | null = null;
  const out: string[] = [];
  for (const place of places) {
    const known = findRegionsByName(place).filter((r) => !parent || r.parentCode === parent.code);
    if (known.length > 0) {
      parent = known.length === 1 ? known[0]! : null;
      out.push(place);
      continue;
    }
    const near = listRegions().filter((r) => oneCharApart(r.name, place) && (!parent || r.parentCode === parent.code));
    // evidence: the candidate (or a place above it) is named in the text
    const named = near.filter((r) => {
      if (text.includes(stem(r.name))) return true;
      return getRegionChain(r.code).some((a) => a.code !== r.code && stem(a.name).length >= 2 && text.includes(stem(a.name)));
    });
    const pick = parent ? (near.length === 1 ? near : named) : named;
    if (pick.length !== 1) return null;
    corrections.push({ from: place, to: pick[0]!.name, region: pick[0]! });
    out.push(pick[0]!.name);
    parent = pick[0]!;
  }
  if (corrections.length === 0) return null;
  return { name: out.join("") + body[0], corrections };
}
