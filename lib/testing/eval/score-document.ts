/**
 * Accuracy scoring (准确率评估): one parsed document against its expected canonical document, value by
 * value. A value is right (equal), missing (expected a value, got null or nothing) or wrong (got a
 * value that is not the expected one, including a value where the expected document says null).
 * `agency.name` in an expected document is a list of accepted names.
 */

/** How one expected value came out. */
export type ValueOutcome = "right" | "missing" | "wrong";

/** One scored value: its path, what was expected and what the parser gave. */
export type ScoredValue = { path: string; expected: unknown; actual: unknown; outcome: ValueOutcome };

/** Counts over a set of values. */
export type Tally = { right: number; missing: number; wrong: number };

/** Flattens {a:{b:[1,2]}} into [["a.b[0]",1],["a.b[1]",2]]; the `schema` key is not a value. */
export function flattenValues(value: unknown, path = "", out: Array<[string, unknown]> = []): Array<[string, unknown]> {
  if (Array.isArray(value)) value.forEach((v, i) => flattenValues(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) if (!(path === "" && k === "schema")) flattenValues(v, path ? `${path}.${k}` : k, out);
  } else out.push([path, value]);
  return out;
}

/** The value at a flattened path, or undefined when the path does not exist. */
export function valueAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split(/\.|(?=\[)/)) {
    if (cur === undefined || cur === null) return undefined;
    const m = /^\[(\d+)\]$/.exec(part);
    cur = m ? (cur as unknown[])[Number(m[1])] : (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

function outcomeOf(expected: unknown, actual: unknown): ValueOutcome {
  if (same(expected, actual)) return "right";
  if (actual === null || actual === undefined || actual === "") return "missing";
  return "wrong";
}

/**
 * Scores `actual` (a parsed canonical document, or null when the input was refused) against
 * `expected`. A refused input has every expected value missing.
 */
export function scoreDocument(expected: unknown, actual: unknown): ScoredValue[] {
  const pairs = flattenValues(expected);
  const scored: ScoredValue[] = [];
  const accepted = pairs.filter(([p]) => p.startsWith("agency.name["));
  const single = pairs.find(([p]) => p === "agency.name");
  const names = accepted.length > 0 ? accepted.map(([, v]) => v) : single ? [single[1]] : [];
  for (const [path, want] of pairs) {
    if (path.startsWith("agency.name")) continue;
    const got = actual === null ? undefined : valueAt(actual, path);
    scored.push({ path, expected: want, actual: got, outcome: outcomeOf(want, got) });
  }
  if (names.length > 0) {
    const got = actual === null ? undefined : valueAt(actual, "agency.name");
    const outcome: ValueOutcome = names.some((n) => n === got)
      ? "right"
      : got === undefined || got === null || got === ""
        ? "missing"
        : "wrong";
    scored.unshift({ path: "agency.name", expected: names.length === 1 ? names[0] : names, actual: got, outcome });
  }
  return scored;
}

/** True for the report's table values (sections 二, 三, 四); false for metadata (year, agency, template, dates). */
export function isTableValue(path: string): boolean {
  return /^(active|legacy2019|requests|reviewLitigation)\./.test(path);
}

/** Adds up outcomes. */
export function tally(values: readonly ScoredValue[], into: Tally = { right: 0, missing: 0, wrong: 0 }): Tally {
  for (const v of values) into[v.outcome]++;
  return into;
}
