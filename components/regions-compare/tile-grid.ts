/**
 * The fixed tile grid of China's 34 provincial units (no boundary data): one square per unit, placed roughly where it
 * lies (row 0 north, column 0 west). 台湾, 香港, 澳门 are not in the gazetteer the store uses and have no data.
 */
export type Tile = { code: string; short: string; row: number; col: number };

export const PROVINCE_TILES: readonly Tile[] = [
  { code: "230000", short: "黑龙江", row: 0, col: 8 },
  { code: "150000", short: "内蒙古", row: 1, col: 5 },
  { code: "110000", short: "北京", row: 1, col: 6 },
  { code: "220000", short: "吉林", row: 1, col: 8 },
  { code: "650000", short: "新疆", row: 2, col: 1 },
  { code: "640000", short: "宁夏", row: 2, col: 4 },
  { code: "140000", short: "山西", row: 2, col: 5 },
  { code: "130000", short: "河北", row: 2, col: 6 },
  { code: "120000", short: "天津", row: 2, col: 7 },
  { code: "210000", short: "辽宁", row: 2, col: 8 },
  { code: "630000", short: "青海", row: 3, col: 2 },
  { code: "620000", short: "甘肃", row: 3, col: 3 },
  { code: "610000", short: "陕西", row: 3, col: 4 },
  { code: "410000", short: "河南", row: 3, col: 5 },
  { code: "370000", short: "山东", row: 3, col: 6 },
  { code: "540000", short: "西藏", row: 4, col: 1 },
  { code: "510000", short: "四川", row: 4, col: 2 },
  { code: "500000", short: "重庆", row: 4, col: 3 },
  { code: "420000", short: "湖北", row: 4, col: 4 },
  { code: "340000", short: "安徽", row: 4, col: 5 },
  { code: "320000", short: "江苏", row: 4, col: 6 },
  { code: "310000", short: "上海", row: 4, col: 7 },
  { code: "530000", short: "云南", row: 5, col: 2 },
  { code: "520000", short: "贵州", row: 5, col: 3 },
  { code: "430000", short: "湖南", row: 5, col: 4 },
  { code: "360000", short: "江西", row: 5, col: 5 },
  { code: "330000", short: "浙江", row: 5, col: 6 },
  { code: "450000", short: "广西", row: 6, col: 3 },
  { code: "440000", short: "广东", row: 6, col: 4 },
  { code: "350000", short: "福建", row: 6, col: 5 },
  { code: "710000", short: "台湾", row: 6, col: 6 },
  { code: "460000", short: "海南", row: 7, col: 3 },
  { code: "820000", short: "澳门", row: 7, col: 4 },
  { code: "810000", short: "香港", row: 7, col: 5 },
];

export const GRID_ROWS = 8;
export const GRID_COLS = 9;
