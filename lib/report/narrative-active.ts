/**
 * Section 二 figures the report's own narrative states (一、总体情况: "本年制发行政规范性文件69件", "现行有效规范性文件65件",
 * "作出行政处罚决定1282件"). Section 二 has no identities, so a run of glued digits there (行政规范性文件693665) often has
 * several readings; a figure the narrative states picks among them: only a reading whose cell equals the stated figure is
 * kept, and the cells are filled only when exactly one reading is left (rule `narrative`). A figure counts only when
 * every statement of it in the narrative gives the same number; the narrative alone never fills a cell.
 */
import type { Line } from "./tokenize";

/** Rule of a section 二 value read from glued digits where the narrative's figure chose the split. */
export const NARRATIVE_RULE = "narrative";

const DOCS = "(?:行政)?规范性文件";
const FIGURES: ReadonlyArray<{ paths: string[]; re: RegExp }> = [
  { paths: ["active.normativeDocuments.issued"], re: new RegExp(`(?:制发|印发|出台|制定)了?${DOCS}共?(\\d+)\\s*件`, "g") },
  { paths: ["active.normativeDocuments.repealed"], re: new RegExp(`废止了?${DOCS}共?(\\d+)\\s*件`, "g") },
  {
    paths: ["active.normativeDocuments.inForce"],
    re: new RegExp(`现行有效的?${DOCS}共?(\\d+)\\s*件|${DOCS}现行有效的?共?(\\d+)\\s*件`, "g"),
  },
  { paths: ["active.regulations.issued"], re: /(?:制发|制定|出台)了?规章共?(\d+)\s*件/g },
  { paths: ["active.regulations.repealed"], re: /废止了?规章共?(\d+)\s*件/g },
  { paths: ["active.regulations.inForce"], re: /现行有效的?规章共?(\d+)\s*件|规章现行有效的?共?(\d+)\s*件/g },
  { paths: ["active.licensing", "legacy2019.licensing.decisions"], re: /(?:作出|办理|办结)行政许可决定?共?(\d+)\s*件/g },
  { paths: ["active.penalty", "legacy2019.penalty.decisions"], re: /(?:作出|办理|办结)行政处罚决定?共?(\d+)\s*件/g },
  { paths: ["active.coercion", "legacy2019.coercion.decisions"], re: /(?:作出|办理|办结)行政强制决定?共?(\d+)\s*件/g },
];

/** path → the one figure the narrative states for it (paths stated with different numbers are left out). */
export function narrativeFigures(lines: readonly Line[]): Map<string, number> {
  const out = new Map<string, number>();
  const conflicting = new Set<string>();
  for (const line of lines) {
    const text = line.text.replace(/\s+(?=\d)|(?<=\d)\s+(?=件)/g, "");
    if (!/规范性文件|规章|行政许可|行政处罚|行政强制/.test(text)) continue;
    for (const { paths, re } of FIGURES) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const value = Number(m[1] ?? m[2]);
        for (const p of paths) {
          if (out.has(p) && out.get(p) !== value) conflicting.add(p);
          out.set(p, value);
        }
      }
    }
  }
  for (const p of conflicting) out.delete(p);
  return out;
}
