/**
 * Page-image steps before recognition (扫描页预处理), on plain grey-level arrays: skew estimate, ruling-line
 * removal (表格线), text blobs (one line of one cell or paragraph each) and the mosaic that stacks the blobs
 * one per line, so Tesseract reads each cell as a line of text instead of guessing a page layout (its page
 * layout analysis drops the lone "0" of a table cell). No I/O: the caller decodes and renders.
 */

/** A grey-level image, one byte per pixel (0 black … 255 white), row-major. */
export type GrayImage = { width: number; height: number; data: Uint8Array };

/** A rectangle in pixels: x0/y0 inclusive, x1/y1 exclusive. */
export type PixelBox = { x0: number; y0: number; x1: number; y1: number };

/** Pixels darker than this are ink (anti-aliased thin strokes of 一 stay above 160 at 150–200 dpi). */
export const INK_THRESHOLD = 200;

/** RGBA (canvas ImageData) → grey levels (luma). */
export function toGray(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    const a = rgba[j + 3]! / 255;
    const luma = 0.299 * rgba[j]! + 0.587 * rgba[j + 1]! + 0.114 * rgba[j + 2]!;
    data[i] = Math.round(luma * a + 255 * (1 - a));
  }
  return { width, height, data };
}

/**
 * Otsu's threshold over the histogram, clamped so a clean page (almost all white) keeps the fixed
 * INK_THRESHOLD, and a dark, noisy scan gets a lower one.
 */
export function inkThreshold(img: GrayImage): number {
  const hist = new Array<number>(256).fill(0);
  for (const v of img.data) hist[v]!++;
  const total = img.data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = INK_THRESHOLD;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return Math.max(120, Math.min(INK_THRESHOLD, threshold + 20));
}

/** 1 where the pixel is ink. */
export function binarize(img: GrayImage, threshold = inkThreshold(img)): Uint8Array {
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < out.length; i++) out[i] = img.data[i]! < threshold ? 1 : 0;
  return out;
}

/**
 * The page's skew in degrees (positive: content rotated clockwise), from the angle that makes the
 * horizontal ink profile sharpest (text lines and table rules line up with pixel rows). Searches ±maxDeg.
 */
export function estimateSkew(ink: Uint8Array, width: number, height: number, maxDeg = 3, stepDeg = 0.1): number {
  // sample every 4th pixel column / row: plenty for a page, and fast
  const step = 4;
  const points: number[] = [];
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += step) if (ink[y * width + x]) points.push(x, y);
  }
  if (points.length < 200) return 0;
  const cx = width / 2;
  const bins = Math.ceil(height / 2) + 8;
  const profile = new Float64Array(bins);
  let bestScore = -1;
  let bestDeg = 0;
  for (let deg = -maxDeg; deg <= maxDeg + 1e-9; deg += stepDeg) {
    const t = Math.tan((deg * Math.PI) / 180);
    profile.fill(0);
    for (let i = 0; i < points.length; i += 2) {
      const y = points[i + 1]! - (points[i]! - cx) * t;
      const b = Math.round(y / 2) + 4;
      if (b >= 0 && b < bins) profile[b]! += 1;
    }
    let score = 0;
    for (let b = 0; b < bins; b++) score += profile[b]! * profile[b]!;
    if (score > bestScore + 1e-9) {
      bestScore = score;
      bestDeg = deg;
    }
  }
  return Math.round(bestDeg * 10) / 10;
}

/**
 * Finds ruling lines (runs of ink much longer than a character) and clears them from `ink`, in place.
 * Returns the mask of the rule pixels (1 = rule). A glyph stroke (一, 二) is far shorter than `minRun`.
 */
export function removeRules(ink: Uint8Array, width: number, height: number, minRun = Math.max(60, Math.round(width * 0.06))): Uint8Array {
  const kill = new Uint8Array(ink.length);
  const mark = (from: number, to: number, stride: number, base: number) => {
    for (let k = from; k < to; k++) kill[base + k * stride] = 1;
  };
  for (let y = 0; y < height; y++) {
    let start = -1;
    for (let x = 0; x <= width; x++) {
      // a rule one pixel thick may step up or down along a slightly skewed page: look at the rows around it
      const v = x < width && (ink[y * width + x] || (y > 0 && ink[(y - 1) * width + x] && ink[y * width + x - 1]));
      if (v && start < 0) start = x;
      if (!v && start >= 0) {
        if (x - start >= minRun) mark(start, x, 1, y * width);
        start = -1;
      }
    }
  }
  for (let x = 0; x < width; x++) {
    let start = -1;
    for (let y = 0; y <= height; y++) {
      const v = y < height && (ink[y * width + x] || (x > 0 && ink[y * width + x - 1] && y > 0 && ink[(y - 1) * width + x]));
      if (v && start < 0) start = y;
      if (!v && start >= 0) {
        if (y - start >= minRun) mark(start, y, width, x);
        start = -1;
      }
    }
  }
  for (let i = 0; i < ink.length; i++) if (kill[i]) ink[i] = 0;
  // the anti-aliased fringe of a rule, two pixels either side: left behind, it bridges the cells of a row
  const fringe = 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (kill[y * width + x] !== 1) continue;
      for (let dy = -fringe; dy <= fringe; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -fringe; dx <= fringe; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const j = yy * width + xx;
          if (ink[j]) {
            ink[j] = 0;
            kill[j] = 2;
          }
        }
      }
    }
  }
  return kill;
}

/**
 * Connected ink, joined into text blobs: characters of one word or number, then words on one line
 * closer than about half a character. Each blob is one line of one cell (or of a paragraph).
 * Specks (a few pixels of scanner noise) are dropped.
 */
export function findTextBlobs(ink: Uint8Array, width: number, height: number): PixelBox[] {
  // connected components over a 2×2 downsampled grid (8-connected)
  const s = 2;
  const gw = Math.ceil(width / s);
  const gh = Math.ceil(height / s);
  const grid = new Uint8Array(gw * gh);
  const count = new Uint16Array(gw * gh);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (ink[y * width + x]) count[Math.floor(y / s) * gw + Math.floor(x / s)]!++;
  }
  for (let i = 0; i < grid.length; i++) grid[i] = count[i]! > 0 ? 1 : 0;
  const label = new Int32Array(gw * gh).fill(-1);
  const comps: (PixelBox & { pixels: number })[] = [];
  const stack: number[] = [];
  for (let start = 0; start < grid.length; start++) {
    if (!grid[start] || label[start]! >= 0) continue;
    const id = comps.length;
    const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity, pixels: 0 };
    label[start] = id;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      const gx = i % gw;
      const gy = (i - gx) / gw;
      box.pixels += count[i]!;
      box.x0 = Math.min(box.x0, gx);
      box.x1 = Math.max(box.x1, gx + 1);
      box.y0 = Math.min(box.y0, gy);
      box.y1 = Math.max(box.y1, gy + 1);
      for (let dy = -1; dy <= 1; dy++) {
        const ny = gy + dy;
        if (ny < 0 || ny >= gh) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = gx + dx;
          if (nx < 0 || nx >= gw) continue;
          const j = ny * gw + nx;
          if (grid[j] && label[j]! < 0) {
            label[j] = id;
            stack.push(j);
          }
        }
      }
    }
    comps.push(box);
  }
  let boxes = comps
    .map((c) => ({ x0: c.x0 * s, y0: c.y0 * s, x1: Math.min(width, c.x1 * s), y1: Math.min(height, c.y1 * s), pixels: c.pixels }))
    // specks: tiny and faint
    .filter((b) => b.pixels >= 6 && (b.x1 - b.x0 >= 4 || b.y1 - b.y0 >= 6));
  if (boxes.length === 0) return [];
  // typical character height: the median height of components that are not dots or strokes
  const heights = boxes
    .map((b) => b.y1 - b.y0)
    .filter((h) => h >= 8)
    .sort((a, b) => a - b);
  const charH = heights.length > 0 ? heights[Math.floor(heights.length / 2)]! : 20;
  // drop isolated noise: components far smaller than a character that no other ink sits near are handled by the merge below
  boxes = boxes.filter((b) => b.y1 - b.y0 <= charH * 6 || b.x1 - b.x0 <= charH * 6);
  const merged = mergeIntoLines(boxes, charH);
  return merged.filter((b) => b.y1 - b.y0 >= Math.max(5, charH * 0.3) || b.x1 - b.x0 >= charH * 0.8 || b.pixels >= charH * 2);
}

type Blob = PixelBox & { pixels: number };

/** Merges components into line blobs: overlapping vertically and closer horizontally than ~0.6 character. */
function mergeIntoLines(boxes: Blob[], charH: number): Blob[] {
  const gap = Math.max(4, Math.round(charH * 0.6));
  let current = boxes.slice();
  for (let pass = 0; pass < 6; pass++) {
    current.sort((a, b) => a.x0 - b.x0);
    const out: Blob[] = [];
    const used = new Uint8Array(current.length);
    let changed = false;
    for (let i = 0; i < current.length; i++) {
      if (used[i]) continue;
      const a = { ...current[i]! };
      used[i] = 1;
      for (let j = i + 1; j < current.length; j++) {
        if (used[j]) continue;
        const b = current[j]!;
        if (b.x0 > a.x1 + gap) break;
        const overlapY = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        const minH = Math.min(a.y1 - a.y0, b.y1 - b.y0);
        // strokes of one glyph stacked vertically (二, 三, the dot of i) overlap horizontally instead
        const overlapX = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const sameLine = overlapY >= Math.min(minH * 0.5, charH * 0.35);
        // …and the union stays about as wide as tall: a column of characters (竖排) is not one glyph
        const unionH = Math.max(a.y1, b.y1) - Math.min(a.y0, b.y0);
        const unionW = Math.max(a.x1, b.x1) - Math.min(a.x0, b.x0);
        const sameGlyph = overlapX > 0 && unionH <= charH * 1.25 && unionH <= unionW * 1.3 + 2;
        if (!sameLine && !sameGlyph) continue;
        // joined, a line must not grow taller than ~1.6 characters (that would be two lines)
        const h = Math.max(a.y1, b.y1) - Math.min(a.y0, b.y0);
        if (h > charH * 1.6 && !sameGlyph) continue;
        a.x0 = Math.min(a.x0, b.x0);
        a.x1 = Math.max(a.x1, b.x1);
        a.y0 = Math.min(a.y0, b.y0);
        a.y1 = Math.max(a.y1, b.y1);
        a.pixels += b.pixels;
        used[j] = 1;
        changed = true;
      }
      out.push(a);
    }
    current = out;
    if (!changed) break;
  }
  return current;
}

/** Where a blob was placed in the mosaic (x, y and h in mosaic pixels). */
export type MosaicSlot = { blob: PixelBox; x: number; y: number; h: number };

export type Mosaic = { image: GrayImage; slots: MosaicSlot[]; scale: number };

/**
 * Stacks blobs one per line (in reading order) on a white image, copying the page's grey pixels with
 * the ruling lines whitened, with a gap of about one character between lines. `scale` enlarges the
 * blobs (bilinear), for the second reading of numbers.
 */
export function buildMosaic(page: GrayImage, ruled: Uint8Array, blobs: PixelBox[], pad = 12, scale = 1): Mosaic {
  const order = blobs.slice().sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const heights = order.map((b) => Math.round((b.y1 - b.y0) * scale)).sort((a, b) => a - b);
  const lineGap = Math.max(pad, Math.round((heights[Math.floor(heights.length / 2)] ?? 20) * 0.8));
  const width = Math.max(64, ...order.map((b) => Math.round((b.x1 - b.x0) * scale) + 2 * pad));
  let y = lineGap;
  const slots: MosaicSlot[] = order.map((blob) => {
    const h = Math.max(1, Math.round((blob.y1 - blob.y0) * scale));
    const slot = { blob, x: pad, y, h };
    y += h + lineGap;
    return slot;
  });
  const height = Math.max(64, y);
  const data = new Uint8Array(width * height).fill(255);
  // keep the grey level of ink and its anti-aliased edge; rules and the paper become white
  const at = (px: number, py: number) => {
    const i = py * page.width + px;
    return ruled[i] ? 255 : page.data[i]!;
  };
  for (const { blob, x, y: top, h } of slots) {
    const w = Math.max(1, Math.round((blob.x1 - blob.x0) * scale));
    for (let my = 0; my < h; my++) {
      const sy = Math.min(blob.y1 - 1, blob.y0 + (my + 0.5) / scale - 0.5);
      const y0 = Math.max(blob.y0, Math.floor(sy));
      const y1 = Math.min(blob.y1 - 1, y0 + 1);
      const fy = Math.max(0, sy - y0);
      const dst = (top + my) * width + x;
      for (let mx = 0; mx < w; mx++) {
        if (scale === 1) {
          data[dst + mx] = at(blob.x0 + mx, blob.y0 + my);
          continue;
        }
        const sx = Math.min(blob.x1 - 1, blob.x0 + (mx + 0.5) / scale - 0.5);
        const x0 = Math.max(blob.x0, Math.floor(sx));
        const x1 = Math.min(blob.x1 - 1, x0 + 1);
        const fx = Math.max(0, sx - x0);
        const top2 = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
        const bottom2 = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
        data[dst + mx] = Math.round(top2 * (1 - fy) + bottom2 * fy);
      }
    }
  }
  return { image: { width, height, data }, slots, scale };
}
