/** Types for word-extractor (Word .doc / .docx text), which ships none: the part this project uses. */
declare module "word-extractor" {
  class Document {
    getBody(): string;
    getHeaders(options?: { includeFooters?: boolean }): string;
    getFootnotes(): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<Document>;
  }
}
