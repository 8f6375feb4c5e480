/**
 * A synthesized case parsed the way a user's upload of it would be: bytes (DOCX) through parseReport with the case's
 * media type, an HTML page through parseHtml, every other layout through parseText. One place for the property tests.
 */
import { parseHtml, parseReport, parseText } from "@/lib/report";
import type { ParseResult } from "@/lib/report/types";
import type { SynthCase } from "./synthesize";

export async function parseSynthCase(c: SynthCase): Promise<ParseResult> {
  if (typeof c.content !== "string") return parseReport({ bytes: c.content, mediaType: c.mediaType });
  return c.layout === "html" ? parseHtml(c.content) : parseText(c.content);
}
