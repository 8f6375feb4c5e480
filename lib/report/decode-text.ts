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
    return looksMostlyUtf8(bytes) ? new TextDecoder("utf-8").decode(bytes) : iconv.decode(bytes, "gb18030");
  }
}

/**
 * True when bytes that are not strictly UTF-8 are still UTF-8 with a few bad bytes (a truncated character, one flipped
 * byte): at least 20 well-formed multi-byte sequences for every malformed one. GB18030 text read as UTF-8 is mostly
 * malformed (its lead bytes are rarely followed by 10xxxxxx continuation bytes in the right number).
 */
export function looksMostlyUtf8(bytes: Uint8Array): boolean {
  let good = 0;
  let bad = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      good++;
      i += need + 1;
    } else {
      bad++;
      i++;
    }
  }
  return good > 0 && good >= 20 * bad;
}

/** How many U+FFFD replacement characters the text holds that the bytes did not (bad sequences replaced). */
export function countReplacements(text: string, bytes: Uint8Array): number {
  const inText = text.split("\uFFFD").length - 1;
  let inBytes = 0;
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) inBytes++;
  return Math.max(0, inText - inBytes);
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
