/**
 * Areas that publish reports but are not GB/T 2260 divisions (综合实验区, 国家级新区 …), each mapped
 * to the code of the smallest GB/T 2260 region that contains the whole area it governs. A name
 * resolved through this table is reported by the parser as a finding. Only areas whose extent is
 * certain are listed; an area that straddles regions is mapped to the region containing all of it.
 */

/** One managed area (管理区域): its printed names and the code of the area it governs. */
export type AreaAlias = {
  /** names as reports print them, longest first where one contains another */
  names: readonly string[];
  /** GB/T 2260 code of the governed area (6 digits) */
  code: string;
  /** why this code: the division the area coincides with or lies in */
  note: string;
};

export const AREA_ALIASES: readonly AreaAlias[] = [
  { names: ["平潭综合实验区"], code: "350128", note: "coincides with 平潭县 (福州市)" },
  { names: ["青岛西海岸新区", "西海岸新区"], code: "370211", note: "coincides with 黄岛区 (青岛市)" },
  { names: ["广州南沙新区", "南沙新区"], code: "440115", note: "coincides with 南沙区 (广州市)" },
  { names: ["浙江舟山群岛新区", "舟山群岛新区"], code: "330900", note: "coincides with 舟山市" },
  { names: ["重庆两江新区", "两江新区"], code: "500000", note: "parts of 江北区, 渝北区, 北碚区 (重庆市)" },
  { names: ["大连金普新区", "金普新区"], code: "210200", note: "金州区 and part of 普兰店区 (大连市)" },
  { names: ["南京江北新区", "江北新区"], code: "320100", note: "parts of 浦口区, 六合区, 栖霞区 (南京市)" },
  { names: ["湖南湘江新区", "湘江新区"], code: "430100", note: "parts of 岳麓区, 望城区, 宁乡市 (长沙市)" },
  { names: ["哈尔滨新区"], code: "230100", note: "parts of 松北区, 呼兰区, 平房区 (哈尔滨市)" },
  { names: ["长春新区"], code: "220100", note: "parts of districts of 长春市" },
  { names: ["福州新区"], code: "350100", note: "parts of 马尾区, 仓山区, 长乐区, 福清市 (福州市)" },
  { names: ["陕西西咸新区", "西咸新区"], code: "610000", note: "parts of 西安市 and 咸阳市 (陕西省)" },
  { names: ["贵州贵安新区", "贵安新区"], code: "520000", note: "parts of 贵阳市 and 安顺市 (贵州省)" },
  { names: ["四川天府新区", "天府新区"], code: "510000", note: "parts of 成都市 and 眉山市 (四川省)" },
  { names: ["江西赣江新区", "赣江新区"], code: "360000", note: "parts of 南昌市 and 九江市 (江西省)" },
  { names: ["河北雄安新区", "雄安新区"], code: "130000", note: "雄县, 容城县, 安新县 and nearby areas (河北省)" },
];

const BY_NAME = new Map<string, AreaAlias>(AREA_ALIASES.flatMap((a) => a.names.map((n) => [n, a] as const)));
const LONGEST = Math.max(...AREA_ALIASES.flatMap((a) => a.names.map((n) => n.length)));

/** The alias printed at `text[start…]` (longest match), or null. */
export function matchAreaAlias(text: string, start = 0): { name: string; alias: AreaAlias } | null {
  for (let end = Math.min(text.length, start + LONGEST); end > start + 1; end--) {
    const name = text.slice(start, end);
    const alias = BY_NAME.get(name);
    if (alias) return { name, alias };
  }
  return null;
}

/** Every alias name, for tests and docs. */
export function listAreaAliasNames(): string[] {
  return [...BY_NAME.keys()];
}
