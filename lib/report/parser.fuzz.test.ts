/**
 * Fuzz test (issue 2): truncated, shuffled, garbage, random-unicode and very large inputs never
 * throw, never hang (time grows about linearly with size), and never emit a document whose
 * numbers an identity contradicts without an identity finding. The identities are checked here
 * independently (lib/testing/synth/check-identities.ts). Seeded: a failure names its seed.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseHtml, parseReport, parseText } from "./index";
import { createRng, findIdentityFailures, synthesize, type Rng } from "@/lib/testing/synth";
import type { ParseResult } from "./types";

const SEED = 7_340_021;
const TIMEOUT_MS = 240_000;

const seedDir = path.join(import.meta.dirname, "fixtures/seeds");
const SEED_TEXTS = readdirSync(seedDir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(path.join(seedDir, f), "utf8"));
const SYNTH_TEXTS = (["tab", "tab-compact", "lines", "pipe"] as const).map(
  (layout, i) => synthesize({ seed: SEED + i, layout, corruptions: "random" }).content as string,
);
const BASES = [...SEED_TEXTS, ...SYNTH_TEXTS];
const HTML_BASE = synthesize({ seed: SEED, layout: "html" }).content as string;

/** The soundness rule over one result: if an identity fails over the numbers, an identity finding says so. */
function unflaggedContradictions(result: ParseResult): string[] {
  if (!result.ok) return [];
  const failures = findIdentityFailures(result.document);
  if (failures.length === 0) return [];
  const flagged = result.findings.some((f) => f.rule !== undefined || /identit/i.test(f.code));
  return flagged ? [] : failures.map((f) => `${f.id}: ${f.lhs} ≠ ${f.rhs}`);
}

/** Parses `text` and returns a problem description, or null when the parser behaved. */
function checkText(text: string, where: string, asHtml = false): string | null {
  let result: ParseResult;
  try {
    result = asHtml ? parseHtml(text) : parseText(text);
  } catch (error) {
    return `${where}: threw ${String(error)}`;
  }
  const contradictions = unflaggedContradictions(result);
  return contradictions.length ? `${where}: unflagged identity failures ${contradictions.slice(0, 3).join("; ")}` : null;
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function randomUnicode(rng: Rng, length: number): string {
  const pools = [
    [0x20, 0x7e],
    [0x4e00, 0x9fff],
    [0x3000, 0x303f],
    [0xff00, 0xffef],
    [0x0, 0x1f],
    [0xd800, 0xdfff],
    [0x1f300, 0x1f64f],
  ] as const;
  let s = "";
  for (let i = 0; i < length; i++) {
    const [lo, hi] = rng.pick(pools);
    s += String.fromCodePoint(rng.int(lo, hi));
  }
  return s;
}

describe("parser fuzz", () => {
  it(
    "survives truncation at random points",
    () => {
      const rng = createRng(SEED);
      const problems = BASES.flatMap((base, b) =>
        Array.from({ length: 40 }, (_, k) => {
          const cut = rng.int(0, base.length);
          return checkText(base.slice(0, cut), `base ${b} cut ${cut} (case ${k})`);
        }),
      ).filter(Boolean);
      expect(problems).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    "survives shuffled lines, swapped neighbours and dropped lines",
    () => {
      const rng = createRng(SEED + 1);
      const problems: (string | null)[] = [];
      BASES.forEach((base, b) => {
        const lines = base.split("\n");
        for (let k = 0; k < 15; k++) problems.push(checkText(shuffle(rng, lines).join("\n"), `base ${b} shuffle ${k}`));
        for (let k = 0; k < 15; k++) {
          const local = [...lines];
          for (let s = 0; s < 10; s++) {
            const i = rng.int(0, local.length - 2);
            [local[i], local[i + 1]] = [local[i + 1] as string, local[i] as string];
          }
          problems.push(checkText(local.filter(() => !rng.chance(0.05)).join("\n"), `base ${b} swaps ${k}`));
        }
      });
      expect(problems.filter(Boolean)).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    "survives byte garbage, as text and as bytes of any declared type",
    async () => {
      const rng = createRng(SEED + 2);
      const problems: string[] = [];
      for (let k = 0; k < 60; k++) {
        const bytes = Uint8Array.from({ length: rng.int(0, 20_000) }, () => rng.int(0, 255));
        const mediaType = rng.pick(["text/plain", "text/html", "application/octet-stream", undefined]);
        try {
          const result = await parseReport({ bytes, mediaType });
          problems.push(...unflaggedContradictions(result).map((p) => `garbage ${k}: ${p}`));
        } catch (error) {
          problems.push(`garbage ${k} (${mediaType}): threw ${String(error)}`);
        }
        // Garbage spliced into a real report's text.
        const base = rng.pick(BASES);
        const at = rng.int(0, base.length);
        const noise = new TextDecoder("utf-8").decode(bytes.slice(0, 400));
        const spliced = checkText(base.slice(0, at) + noise + base.slice(at), `spliced garbage ${k}`);
        if (spliced) problems.push(spliced);
      }
      expect(problems).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    "survives random unicode, alone and inside reports and HTML",
    () => {
      const rng = createRng(SEED + 3);
      const problems: (string | null)[] = [];
      for (let k = 0; k < 60; k++) {
        problems.push(checkText(randomUnicode(rng, rng.int(0, 5000)), `unicode ${k}`));
        const base = rng.pick(BASES);
        const lines = base.split("\n");
        const i = rng.int(0, lines.length - 1);
        lines[i] = randomUnicode(rng, rng.int(1, 80));
        problems.push(checkText(lines.join("\n"), `unicode line ${k}`));
        const at = rng.int(0, HTML_BASE.length);
        problems.push(checkText(HTML_BASE.slice(0, at) + randomUnicode(rng, 200) + HTML_BASE.slice(at), `unicode html ${k}`, true));
      }
      expect(problems.filter(Boolean)).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    "handles a 5 MB report and 10,000 repeated tables",
    () => {
      const base = SYNTH_TEXTS[0] as string;
      // section 四 from its heading to the next (numbered 四、/五、 or one off under the "misnumbered" damage)
      const table = base.slice(base.search(/[三四五]、政府信息公开行政复议/), base.search(/[四五六]、存在的主要问题/));
      expect(table.length).toBeGreaterThan(100);
      const repeatedTables = base.replace(table, table.repeat(10_000));
      const fiveMb = (base + "\n").repeat(Math.ceil(5e6 / base.length));
      expect(checkText(repeatedTables, "10k tables")).toBeNull();
      expect(checkText(fiveMb, "5 MB")).toBeNull();
      expect(
        checkText(`<html><body>${"<table><tr><td>1</td></tr></table>".repeat(20_000)}</body></html>`, "20k html tables", true),
      ).toBeNull();
    },
    TIMEOUT_MS,
  );

  it(
    "takes time roughly linear in input size (per-byte time of 8x within a loose factor of 1x)",
    () => {
      const unit = (SYNTH_TEXTS[1] as string) + "\n";
      const small = unit.repeat(Math.ceil(300_000 / unit.length));
      const large = small.repeat(8);
      const perByte = (text: string): number => {
        const times: number[] = [];
        for (let r = 0; r < 3; r++) {
          const start = performance.now();
          parseText(text);
          times.push(performance.now() - start);
        }
        return Math.min(...times) / text.length;
      };
      perByte(small);
      const ratio = perByte(large) / perByte(small);
      // Linear time gives a ratio near 1; quadratic would give about 8. A loose bound absorbs noise
      // from a shared machine without letting super-linear growth through.
      expect(ratio, `per-byte time ratio 8x/1x = ${ratio.toFixed(2)}`).toBeLessThan(4);
    },
    TIMEOUT_MS,
  );
});
