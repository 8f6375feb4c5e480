/**
 * Ingest the documents of one HTTP request and shape the answer.
 * One document: its own status (201 created / new version, 200 unchanged, 4xx error) and body.
 * Several (multipart): `{ results: [...] }`, one entry per file with its own status; the response is 201 (any new) or
 * 200 (all unchanged) when every file succeeded, else 207 Multi-Status.
 */
import type { Db } from "@/lib/db/client";
import { toErrorBody, type ErrorBody } from "@/lib/errors";
import { ingestDocument } from "@/lib/ingest/ingest-document";
import type { IngestResult } from "@/lib/db/ingest-result";
import type { IngestPart } from "@/lib/ingest/read-ingest-request";

export type PartAnswer = { fileName: string | null; status: number } & (IngestResult | ErrorBody);

async function ingestPart(db: Db, part: IngestPart): Promise<PartAnswer> {
  try {
    if ("error" in part) throw part.error;
    const result = await ingestDocument(db, part.input);
    return { fileName: part.name, status: result.outcome === "unchanged" ? 200 : 201, ...result };
  } catch (err) {
    const { status, body } = toErrorBody(err);
    return { fileName: part.name, status, ...body };
  }
}

/** The HTTP status and JSON body for the request's parts (ingested one after another). */
export async function ingestParts(db: Db, parts: IngestPart[]): Promise<{ status: number; body: unknown }> {
  const answers: PartAnswer[] = [];
  for (const part of parts) answers.push(await ingestPart(db, part));
  if (answers.length === 1) {
    const { status, fileName, ...body } = answers[0]!;
    return { status, body: "error" in body ? body : { fileName, ...body } };
  }
  const allSucceeded = answers.every((a) => a.status === 200 || a.status === 201);
  const status = !allSucceeded ? 207 : answers.some((a) => a.status === 201) ? 201 : 200;
  return { status, body: { results: answers } };
}
