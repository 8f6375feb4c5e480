/**
 * Bytes → string for text and HTML: BOM, a declared HTML charset, strict UTF-8, else GB18030
 * (which covers GBK and GB2312, as Chinese government pages often use).
 */
import iconv from "iconv-lite";

const GB_NAMES = /^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn)$/i;

/** The charset an HTML document declares in its first bytes, lower-cased, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 2048));
  const m = /<meta[^>]{0,200}?charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/** Decodes text bytes; `charset` (from a header or meta tag) wins when it names a GB encoding. */
export function decodeText(bytes: Uint8Array, charset?: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (charset && GB_NAMES.test(charset)) return iconv.decode(bytes, "gb18030");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, "gb18030");
  }
}

/** True when bytes look like binary junk rather than text (NULs or many control characters). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.02;
}
