/**
 * No merge-conflict markers in the tree: a README or .env.example that still holds `<<<<<<< HEAD` reads as two
 * contradicting instructions (session 2 landed two such files unnoticed; Prettier does not look at .env files).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const SKIP_DIRS = new Set(["node_modules", ".next", ".git", "build", "test-results", "playwright-report", "data", "generated", "fixtures"]);
const TEXT_FILE = /\.(ts|tsx|mjs|cjs|js|json|md|css|sql|prisma|ya?ml|sh|txt)$|^\.env\.example$|^run$/;
/** A marker line, also as Prettier rewrites one inside a Markdown table (`| <<<<<<< HEAD |`) or as a quote (`> > > > > > > main`) */
const MARKER = /^(?:\|\s*)?(?:<{7} |={7}\s*\|?\s*$|>{7} )|^(?:> ){7}/m;

function* textFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!SKIP_DIRS.has(name)) yield* textFiles(full);
    } else if (TEXT_FILE.test(name)) yield full;
  }
}

describe("merge-conflict markers", () => {
  it("are in no source, config or documentation file", () => {
    const offenders = [...textFiles(ROOT)].filter((f) => MARKER.test(readFileSync(f, "utf8"))).map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it("would be found (the pattern matches a real marker line, not a Markdown rule)", () => {
    expect(MARKER.test("text\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> main\n")).toBe(true);
    expect(MARKER.test("Title\n=====\n\n---\n")).toBe(false);
  });

  it("would be found after Prettier rewrote it inside a Markdown table or as a quote", () => {
    expect(MARKER.test("| a | b |\n| <<<<<<< HEAD               |\n| x | y |\n")).toBe(true);
    expect(MARKER.test("| x | y |\n| =======                    |\n")).toBe(true);
    expect(MARKER.test("rows\n\n> > > > > > > main\n")).toBe(true);
    expect(MARKER.test("> a quote\n> > a nested quote\n| `a` | b |\n")).toBe(false);
  });
});
