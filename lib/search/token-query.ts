/**
 * Search token queries (检索词元查询): the text-search query (tsquery) that picks search candidates from the agencies'
 * stored search tokens. An agency's tokens (Agency.searchTokens, kept by triggers: migration agency_search_tokens) are
 * every two-character piece of its lower-cased "name aliases region-path" text, with a space after its end. A text
 * can only contain a word whose pieces are all among its tokens, so the query is a necessary condition that a GIN
 * index answers; lib/db/search.ts then checks the few candidates with its regexes. Pure.
 */

/** "鄂托克" → ["鄂托", "托克"]; "Ab" → ["ab"]; one character → [] (see toWordQuery). Counts characters, not UTF-16 units. */
export function toBigrams(word: string): string[] {
  const chars = Array.from(word.toLowerCase());
  const pieces: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pieces.push(`${chars[i]}${chars[i + 1]}`);
  return [...new Set(pieces)];
}

/** A lexeme as a tsquery literal: quoted, with quotes doubled and backslashes escaped. */
function toLexeme(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** The query a text containing `word` satisfies: all its pieces; one character is the start of a piece ('鄂':*). */
export function toWordQuery(word: string): string | null {
  const pieces = toBigrams(word);
  if (pieces.length > 0) return pieces.map(toLexeme).join(" & ");
  const char = word.toLowerCase();
  return char.length > 0 ? `${toLexeme(char)}:*` : null;
}

/** Any of the words: "(a & b) | (c)"; null when there is none. */
export function toAnyWordQuery(words: string[]): string | null {
  const parts = [...new Set(words)].map(toWordQuery).filter((q): q is string => q !== null);
  return parts.length > 0 ? parts.map((q) => `(${q})`).join(" | ") : null;
}

/** Every group, each by any of its alternatives (the search plan's groups); null when a group has no usable word. */
export function toGroupsQuery(groups: string[][]): string | null {
  const parts = groups.map(toAnyWordQuery);
  if (parts.length === 0 || parts.some((q) => q === null)) return null;
  return parts.map((q) => `(${q})`).join(" & ");
}
