// A report whose agency (发布机关) comes out empty is refused (422, detail agency-missing), never stored under an empty name.
// The parser here is the real one, run in-process instead of in a worker; no database is reached (the refusal comes first).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { toReportRow } from "@/lib/db/report-row";
import { upsertReport } from "@/lib/db/upsert-report";
import { AppError, toErrorBody } from "@/lib/errors";
import { prepareDocument } from "@/lib/ingest/ingest-document";
import type { ParsePool } from "@/lib/parse-pool";
import { TASKS } from "@/lib/parse-pool/tasks";
import { toAgencyIdentity } from "@/lib/regions/agency-identity";
import { parseReport } from "@/lib/report/parse-report";

const CLEAN = readFileSync(join(__dirname, "../report/fixtures/quirks/clean-2021.txt"), "utf8");
/** The same report with the agency taken out of its title: it parses, with an agency-missing finding and an empty name. */
const NO_AGENCY = CLEAN.replace("额敏县 2024 年", "2024 年");
const inProcess = {
  parse: (input: Parameters<ParsePool["parse"]>[0]) => parseReport(input),
  parseRow: (input: Parameters<ParsePool["parseRow"]>[0], source: Parameters<ParsePool["parseRow"]>[1]) =>
    TASKS.parseRow({ input, source }, () => {}),
} as unknown as ParsePool;
const NO_DB = new Proxy(
  {},
  {
    get: () => {
      throw new Error("the database must not be reached");
    },
  },
) as unknown as Db;

async function refusal(work: () => Promise<unknown>): Promise<AppError> {
  const err = await work().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("a report without an agency name", () => {
  it("parses with an agency-missing finding and an empty name (what ingest must refuse)", async () => {
    const parsed = await parseReport({ text: NO_AGENCY });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.document.agency.name).toBe("");
    expect(parsed.findings.map((f) => f.code)).toContain("agency-missing");
  });

  it("is refused by ingest with 422 agency-missing and a Chinese + English message", async () => {
    const err = await refusal(() => prepareDocument(NO_DB, { text: NO_AGENCY }, { pool: inProcess }));
    const { status, body } = toErrorBody(err);
    expect(status).toBe(422);
    expect(body.error.detail).toBe("agency-missing");
    expect(body.error.message).toMatch(/发布机关/);
    expect(body.error.message).toMatch(/agency/);
  });

  it("is refused by the one write path too (upsertReport), before any write", async () => {
    const parsed = await parseReport({ text: NO_AGENCY });
    if (!parsed.ok) throw new Error("expected a parse");
    const row = toReportRow(parsed, toAgencyIdentity(parsed.document.agency), {
      sha256: "0".repeat(64),
      bytes: new Uint8Array(),
      mediaType: "text/plain",
    });
    expect((await refusal(() => upsertReport(NO_DB, row))).detail).toBe("agency-missing");
  });

  it("lets a report with its agency through to the store step", async () => {
    const prepared = await prepareDocument(NO_DB, { text: CLEAN }, { pool: inProcess });
    expect("store" in prepared && prepared.store.row.agency.printed).toBe("额敏县人民政府");
  });
});
