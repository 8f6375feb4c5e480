import { describe, expect, it } from "vitest";
import { parseText } from "../parse-text";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ParseSuccess } from "../types";
import { checkOcrValues, misreadCandidates } from "./check-ocr";

const clean = parseText(readFileSync(join(import.meta.dirname, "../fixtures/quirks/clean-2021.txt"), "utf8")) as ParseSuccess;

/** The clean report with some values replaced, as an OCR read might give them, every value at `conf`. */
function misread(changes: Record<string, number>, conf = 96, low: Record<string, number> = {}) {
  const doc = structuredClone(clean.document);
  const provenance = structuredClone(clean.provenance);
  const confidence = new Map<string, number>();
  for (const [path, p] of Object.entries(provenance)) {
    provenance[path] = { ...p, source: "ocr" };
    if (p.status === "stated" && /^(active|requests|reviewLitigation)\./.test(path)) confidence.set(path, low[path] ?? conf);
  }
  for (const [path, v] of Object.entries(changes)) {
    const m = /^requests\.(\w+)(?:\.(\w+))?\[(\d)\]$/.exec(path);
    if (m) {
      const row = (m[2] ? (doc.requests as never)[m[1]!][m[2]] : (doc.requests as never)[m[1]!]) as number[];
      row[Number(m[3])] = v;
    }
    provenance[path] = { ...provenance[path]!, raw: String(v) };
  }
  return checkOcrValues({ document: doc, provenance, findings: [] }, confidence);
}

describe("misread candidates", () => {
  it("swaps confusable digits, drops a doubled digit, inserts a dropped one", () => {
    const c = misreadCandidates("38");
    expect(c).toEqual(expect.arrayContaining([88, 68, 33, 36, 30, 138, 358]));
    expect(misreadCandidates("110")).toContain(10);
    expect(misreadCandidates("1")).toEqual(expect.arrayContaining([7, 10, 11, 21]));
    expect(misreadCandidates("12.5")).toEqual([]);
    expect(c).not.toContain(38);
  });
});

describe("the identities check OCR values", () => {
  it("leaves a consistent, confident reading alone", () => {
    const r = misread({});
    expect(r.corrections).toEqual([]);
    expect(r.nulled).toEqual([]);
    expect(r.document).toEqual(clean.document);
  });

  it("corrects a doubled digit when exactly one reading satisfies every identity, as inferred with the identity", () => {
    const truth = clean.document.requests.newReceived[0]!;
    expect(String(truth)).toMatch(/[0-9]/);
    // make a read that differs: append a digit the OCR "doubled"
    const doubled = Number(`${truth}${String(truth).slice(-1)}`);
    const r = misread({ "requests.newReceived[0]": doubled }, 96, { "requests.newReceived[0]": 60 });
    expect(r.corrections).toEqual([expect.objectContaining({ path: "requests.newReceived[0]", read: doubled, value: truth })]);
    expect(r.document.requests.newReceived[0]).toBe(truth);
    expect(r.provenance["requests.newReceived[0]"]).toMatchObject({ status: "inferred" });
    expect(r.provenance["requests.newReceived[0]"]!.rule).toMatch(/row-total/);
    expect(r.findings.some((f) => f.code === "ocr-corrected")).toBe(true);
    expect(r.findings.some((f) => f.code === "identity-failed")).toBe(false);
  });

  it("never changes a trusted reading: an identity that still fails withholds its OCR numbers, with a finding", () => {
    const truth = clean.document.requests.newReceived[0]!;
    const r = misread({ "requests.newReceived[0]": truth + 1 }, 97);
    expect(r.corrections).toEqual([]);
    expect(r.document.requests.newReceived[0]).toBeNull();
    expect(r.document.requests.newReceived[6]).toBeNull();
    expect(r.findings.some((f) => f.code === "ocr-identity-failed" && f.rule === "row-total")).toBe(true);
  });

  it("a low-confidence number that no identity confirms is null with a finding", () => {
    const r = misread({}, 96, { "active.licensing": 40 });
    expect(r.document.active.licensing).toBeNull();
    expect(r.nulled).toContain("active.licensing");
    expect(r.findings.find((f) => f.code === "ocr-unconfirmed")?.message).toMatch(/置信度低/);
  });

  it("a low-confidence number that an identity confirms is kept", () => {
    const r = misread({}, 96, { "requests.newReceived[0]": 40 });
    expect(r.document.requests.newReceived[0]).toBe(clean.document.requests.newReceived[0]);
    expect(r.nulled).not.toContain("requests.newReceived[0]");
  });

  it("two readings that both satisfy the identities: nothing is guessed, the doubtful cells are null", () => {
    // total and one cell both doubtful and both wrong: several readings fit → null, never a guess
    const row = clean.document.requests.newReceived;
    const r = misread({ "requests.newReceived[0]": row[0]! + 7, "requests.newReceived[6]": row[6]! + 7 }, 96, {
      "requests.newReceived[0]": 70,
      "requests.newReceived[6]": 70,
    });
    const got = r.document.requests.newReceived;
    for (const [i, v] of [got[0], got[6]].entries()) if (v !== null) expect(v).toBe([row[0], row[6]][i]);
  });
});
