/**
 * Zip bomb check for DOCX (Word 文档是 zip 压缩包) BEFORE mammoth inflates anything: the central directory's entry
 * count and declared unpacked sizes against the limits, then every entry inflated with a hard output cap, so an entry
 * that lies about its size is caught too (jszip, which mammoth uses, trusts the declared sizes and has no cap).
 * Only structure is checked here: a zip too damaged to walk is left to mammoth, which answers `unreadable`.
 */
import { inflateRawSync } from "node:zlib";
import { LimitExceeded, limitMessages, type ParseLimits } from "./limits";

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

type ZipEntry = { method: number; compressedSize: number; declaredSize: number; localOffset: number };

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Offset of the end-of-central-directory record (searched backwards over the 64 KiB comment window), or -1. */
function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const dv = view(bytes);
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) if (dv.getUint32(i, true) === EOCD_SIGNATURE) return i;
  return -1;
}

/** The central directory's entries, or null when the zip cannot be walked (left to mammoth to refuse). */
function readEntries(bytes: Uint8Array, limits: ParseLimits): ZipEntry[] | null {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return null;
  const dv = view(bytes);
  const count = dv.getUint16(eocd + 10, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === ZIP64_MARK) {
    throw new LimitExceeded("too-large-unpacked", limitMessages.tooLargeUnpacked("zip64", limits.maxUnpackedBytes));
  }
  if (count > limits.maxZipEntries)
    throw new LimitExceeded("too-large-unpacked", limitMessages.tooManyEntries(count, limits.maxZipEntries));
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== CENTRAL_SIGNATURE) return null;
    const compressedSize = dv.getUint32(p + 20, true);
    const declaredSize = dv.getUint32(p + 24, true);
    const localOffset = dv.getUint32(p + 42, true);
    if (compressedSize === ZIP64_MARK || declaredSize === ZIP64_MARK || localOffset === ZIP64_MARK) {
      throw new LimitExceeded("too-large-unpacked", limitMessages.tooLargeUnpacked("zip64", limits.maxUnpackedBytes));
    }
    entries.push({ method: dv.getUint16(p + 10, true), compressedSize, declaredSize, localOffset });
    p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return entries;
}

/**
 * Throws `LimitExceeded("too-large-unpacked")` when the zip holds too many entries, declares more unpacked bytes than
 * the limit, or actually inflates to more (each entry is inflated with the remaining budget as a hard cap).
 */
export function checkZipLimits(bytes: Uint8Array, limits: ParseLimits): void {
  const entries = readEntries(bytes, limits);
  if (!entries) return;
  const max = limits.maxUnpackedBytes;
  const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0);
  if (declared > max) throw new LimitExceeded("too-large-unpacked", limitMessages.tooLargeUnpacked("declared", max));
  const dv = view(bytes);
  let actual = 0;
  for (const e of entries) {
    const p = e.localOffset;
    if (p + 30 > bytes.length || dv.getUint32(p, true) !== LOCAL_SIGNATURE) continue;
    const start = p + 30 + dv.getUint16(p + 26, true) + dv.getUint16(p + 28, true);
    const data = bytes.subarray(start, Math.min(bytes.length, start + e.compressedSize));
    if (e.method === 0) {
      actual += data.length;
    } else if (e.method === 8) {
      try {
        actual += inflateRawSync(data, { maxOutputLength: Math.max(1, max - actual + 1) }).length;
      } catch (err) {
        if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
          throw new LimitExceeded("too-large-unpacked", limitMessages.tooLargeUnpacked("actual", max));
        }
        // a damaged stream: mammoth will refuse the file with its own reason
      }
    }
    if (actual > max) throw new LimitExceeded("too-large-unpacked", limitMessages.tooLargeUnpacked("actual", max));
  }
}
