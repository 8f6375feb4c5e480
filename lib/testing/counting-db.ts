/**
 * A client with every call on it counted (model delegates and raw queries alike), for tests that hold a page to a
 * small, constant number of queries.
 */
import type { Db } from "@/lib/db/client";

export function countingDb(db: Db): { db: Db; calls: () => number } {
  let calls = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value === "function")
        return (...args: unknown[]) => {
          calls++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      if (value && typeof value === "object") calls++;
      return value;
    },
  });
  return { db: proxy, calls: () => calls };
}
