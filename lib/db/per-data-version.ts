/**
 * Reads kept per data version (按数据版本缓存): an answer that only changes when the store does (the home page's 收录情况
 * and 最新收录, asked on every search) is read once per data version this process knows through
 * lib/db/data-version-listener, and read again after the next write through any instance. No version known (embedded
 * PGlite, listener not connected yet) → read every time, never a guess.
 */
import "server-only";
import { knownDataVersion } from "@/lib/db/data-version-listener";

type Entry = { version: string; value: Promise<unknown> };

// on globalThis: the route bundles of one process share one cache, like the listener they read the version from
const g = globalThis as unknown as { __ogiPerDataVersion?: Map<string, Entry> };

/** `read()`'s answer, reused while the data version stays the same (concurrent first reads share one promise). */
export function readPerDataVersion<T>(key: string, read: () => Promise<T>): Promise<T> {
  const version = knownDataVersion();
  if (version === null) return read();
  const cache = (g.__ogiPerDataVersion ??= new Map<string, Entry>());
  const hit = cache.get(key);
  if (hit?.version === version) return hit.value as Promise<T>;
  const value = read();
  cache.set(key, { version, value });
  // a failed read is not kept
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  return value;
}
