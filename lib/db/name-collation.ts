/**
 * Name order (按名称) in SQL: pinyin order where the server has ICU (PostgreSQL as packaged, collation "zh-Hans-x-icu",
 * the order `localeCompare(…, "zh-CN")` gives); PGlite has no ICU and sorts by code point. Asked once per client.
 */
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

const ZH_COLLATION = "zh-Hans-x-icu";
const collationByDb = new WeakMap<object, Promise<Prisma.Sql>>();

/** ` COLLATE "zh-Hans-x-icu"` to put after a name column in ORDER BY, or nothing where the collation does not exist. */
export function nameCollation(db: Db): Promise<Prisma.Sql> {
  let found = collationByDb.get(db);
  if (!found) {
    found = db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS "n" FROM pg_collation WHERE collname = ${ZH_COLLATION}`.then((r) =>
      r[0]?.n ? Prisma.raw(` COLLATE "${ZH_COLLATION}"`) : Prisma.empty,
    );
    collationByDb.set(db, found);
  }
  return found;
}
