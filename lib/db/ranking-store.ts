/**
 * Stored orderings (排名/比较 snapshots): a peer group's rows are ranked ONCE, written to "RankingEntry" with their
 * place in each order the pages sort by, and read back a page at a time through the (snapshotId, position) key, so a
 * page costs what it shows, not the size of the peer group.
 *
 * Freshness: triggers move "DataVersion" ("year:<year>") forward in every transaction that writes a report of that
 * year (prisma/migrations …_ranking_snapshots). A snapshot records the version it was computed from, in the same
 * statement (so the same MVCC snapshot) as its rows; it is used only while the year's version still equals it, and is
 * rebuilt after an ingest changed that year: ahead of readers by the warmer (lib/db/snapshot-warm, run after an ingest
 * commits) for the groups readers asked for, else by the first read. A group whose rows the ingest did not change (same
 * digest of its rows) is not rebuilt: its snapshot is carried forward to the new version (carryForwardSql). Rebuilds of one group are serialised by an advisory
 * lock, so several app instances (and warmers) on one database build it once, and a reader arriving during a rebuild
 * waits for it and reads its result; everything lives in PostgreSQL, nothing in a process.
 *
 * General over the group's definition: the caller hands the SQL that yields one row per report of the peer group
 * (which reports, which value, which are left out and why); the snapshot key is a hash of that SQL and its values,
 * so a change of peer-group or exclusion rules (or of the figure's definition) never reads an old snapshot.
 */
import { createHash } from "node:crypto";
import { patchableSql } from "@/lib/db/change-log";
import type { Db } from "@/lib/db/client";
import { nameCollation } from "@/lib/db/name-collation";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * One group to rank. `rows` is a SELECT yielding, per report of the peer group:
 *   "reportId" int, "agencyId" int, "agencyName" text, "value" float8 (NULL: not stated),
 *   "ranked" bool (takes a place in the table), and the left-out reasons "notReported", "smallSample",
 *   "identityFailed", "noneHandled" (a rate over zero cases, 0/0: 无办结, not 未填报) (bool, counted for the page's
 *   "未列入" line; they may overlap).
 */
export type GroupDefinition = {
  /** what kind of view this is ("ranking", "compare"); part of the key */
  view: string;
  /** the year whose DataVersion invalidates the snapshot */
  year: number;
  rows: Prisma.Sql;
  /** the value order of `position` (ties share a rank; then agency name, then agency id) */
  order: "desc" | "asc";
  /** keep the rows that are not ranked (after the ranked ones) and fill ascPosition/namePosition: a comparison shows every report */
  keepAll: boolean;
  /**
   * The places (1-based positions among the ranked rows) whose rows a chart draws, as a SELECT of "place" over a CTE
   * `cur` holding "peers" (the ranked count): stored with the snapshot as its bars when it is built. Part of the key.
   */
  chartPlaces?: Prisma.Sql;
  /**
   * The arguments of the view's group function (rankingGroup, compareGroup) that gave this definition, stored with the
   * snapshot so the warmer can build the group again after an ingest (lib/db/snapshot-warm). Without it the group is
   * only ever rebuilt by a reader.
   */
  params?: Record<string, string | number | boolean>;
  /**
   * The peer group as report columns (figure-sql peerMembers): `rows` reads only latest reports of `year` whose columns
   * have these values (and their agencies). Stored with the snapshot, so that after an ingest a group none of whose
   * changed reports (ReportChange, before or after the change) has these values is carried forward untouched
   * (carryUntouchedSql). Without it the group's rows are read again (digest) to tell.
   */
  members?: Record<string, string>;
};

/** One stored bar of a group's chart: the ranked row at one of its chart places. */
export type SnapshotBar = { agencyId: number; agencyName: string; value: number };

/** The counts of a stored group. */
export type SnapshotHeader = {
  id: number;
  /** ranked rows */
  peers: number;
  /** every row of the peer group */
  total: number;
  notReported: number;
  smallSample: number;
  identityFailed: number;
  /** rows whose rate is 0/0 (无办结) */
  noneHandled: number;
  /** median of the ranked values; null when nothing is ranked */
  median: number | null;
  /** min, q1, median, q3, max of the ranked values (computed with the snapshot); null when nothing is ranked */
  quartiles: [number, number, number, number, number] | null;
  /** the chart's bars in place order (groups with chartPlaces; empty otherwise) */
  bars: SnapshotBar[];
};

/** A group function's arguments as stored with its snapshot (GroupDefinition.params): the fields that are set. */
export function groupParams(args: Record<string, string | number | boolean | undefined>): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(args).filter((e): e is [string, string | number | boolean] => e[1] !== undefined));
}

/** The snapshot key: the view, the order and a hash of the row SQL with its values (any change of rules is a new key). */
export function snapshotKey(def: GroupDefinition): string {
  const hash = createHash("sha256")
    .update(
      JSON.stringify([
        def.rows.strings,
        def.rows.values,
        def.order,
        def.keepAll,
        def.chartPlaces?.strings ?? null,
        def.chartPlaces?.values ?? null,
      ]),
    )
    .digest("base64url")
    .slice(0, 32);
  return `${def.view}:${def.year}:${hash}`;
}

const yearScope = (year: number): string => `year:${year}`;

/** SQL: the current data version of a scope (a value or an expression such as 'year:' || s."year"); 0 before the first write. */
export function currentVersionSql(scope: string | Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT coalesce(max(d."version"), 0) FROM "DataVersion" d WHERE d."scope" = ${scope})`;
}

/** SQL over a "RankingSnapshot" alias: its year's data version moved on since it was built. */
export function staleSnapshotSql(alias: string): Prisma.Sql {
  const s = Prisma.raw(`"${alias}"`);
  return Prisma.sql`${s}."version" <> ${currentVersionSql(Prisma.sql`'year:' || ${s}."year"`)}`;
}

/** The header columns as a statement returns them. */
export type HeaderRow = Omit<SnapshotHeader, "quartiles" | "bars"> & {
  quartiles: number[] | null;
  barIds?: number[] | null;
  barNames?: string[] | null;
  barValues?: number[] | null;
};

const HEADER_COLUMNS = Prisma.raw(
  `s."id", s."peers", s."total", s."notReported", s."smallSample", s."identityFailed", s."noneHandled", s."median", s."quartiles",
   s."barIds", s."barNames", s."barValues"`,
);

/** A snapshot header from a row holding the header columns (`id` … `quartiles`); null when there is no row or no id. */
export function toSnapshotHeader(row: HeaderRow | undefined): SnapshotHeader | null {
  if (!row || row.id == null) return null;
  const q = row.quartiles;
  const quartiles = q && q.length === 5 && q.every((v) => typeof v === "number") ? (q as SnapshotHeader["quartiles"]) : null;
  return {
    id: row.id,
    peers: row.peers,
    total: row.total,
    notReported: row.notReported,
    smallSample: row.smallSample,
    identityFailed: row.identityFailed,
    noneHandled: row.noneHandled,
    median: row.median,
    quartiles,
    bars: (row.barIds ?? []).map((agencyId, i) => ({ agencyId, agencyName: row.barNames![i]!, value: row.barValues![i]! })),
  };
}

/** Which snapshot a read statement uses: the fresh one of a group (null when there is none), or one already found by id. */
export type SnapshotRef = { group: GroupDefinition } | { id: number };

/**
 * SELECT of at most one snapshot header (columns "id", "peers", "total", "notReported", "smallSample", "identityFailed",
 * "noneHandled", "median", "quartiles", "barIds", "barNames", "barValues"): the group's snapshot of the year's current data version, or the given id.
 * A page's read statement uses it as a CTE, so finding the snapshot and reading its rows is one round trip.
 */
export function snapshotHeaderSql(ref: SnapshotRef): Prisma.Sql {
  if ("id" in ref) return Prisma.sql`SELECT ${HEADER_COLUMNS} FROM "RankingSnapshot" s WHERE s."id" = ${ref.id}::int`;
  return Prisma.sql`
    SELECT ${HEADER_COLUMNS}
    FROM "RankingSnapshot" s
    WHERE s."key" = ${snapshotKey(ref.group)}
      AND s."version" = ${currentVersionSql(yearScope(ref.group.year))}
    ORDER BY s."id" DESC LIMIT 1`;
}

/** The fresh snapshot of a group, or null when there is none for the year's current data version. */
async function findFresh(db: Db | Prisma.TransactionClient, def: GroupDefinition): Promise<SnapshotHeader | null> {
  const rows = await db.$queryRaw<HeaderRow[]>(snapshotHeaderSql({ group: def }));
  return toSnapshotHeader(rows[0]);
}

/**
 * SQL aggregate over the CTE `src` (the group's rows): sha-256 of every column of the rows but the report id, one row
 * per line in agency order (an agency has one latest report a year, so the order is fixed by the rows' content). A
 * snapshot is a function of exactly these columns (its order, ranks, percentiles, left-out counts, quartiles and bars),
 * so two sets of rows with the same digest give the same snapshot, whichever report versions they come from.
 */
export const ROWS_DIGEST = Prisma.raw(
  `sha256(convert_to(coalesce(string_agg(ROW("agencyId", "agencyName", "value", "ranked", "notReported", "smallSample",
     "identityFailed", "noneHandled")::text, E'\\n' ORDER BY "agencyId"), ''), 'UTF8'))`,
);

const membersJson = (def: GroupDefinition): string | null => (def.members ? JSON.stringify(def.members) : null);

/**
 * ONE statement: carry forward, to the year's current data version, the newest snapshot of every group picked by
 * `which` (a condition over the "RankingSnapshot" alias `s`) that is stale and that no change since it was computed
 * touches: no report in the change log (ReportChange) after the snapshot's "all" version is of its year with its
 * members' values, before or after the change (and none of its year pruned since it). Such a group's rows are exactly those the snapshot was computed from
 * (the same reports, values and agency names), so nothing is read from the group or written but the header's version
 * (and builtAt; requestedAt for a reader). A snapshot without members, or computed before its year's horizon, is left
 * alone. The versions and the log are read in the same statement (one MVCC snapshot); every writer moves "all" first and
 * holds it to its commit, so the changes seen are exactly those up to the "all" version seen. A concurrent carry or
 * build of the same snapshot is safe: the row is updated only while still stale (rechecked on the row it waited for).
 * Returns the carried snapshots' ids.
 */
export function carryUntouchedSql(which: Prisma.Sql, by: Builder): Prisma.Sql {
  return Prisma.sql`
    WITH cur AS (SELECT ${currentVersionSql("all")} AS "all")
    UPDATE "RankingSnapshot" s
    SET "version" = ${currentVersionSql(Prisma.sql`'year:' || s."year"`)}, "allVersion" = cur."all", "builtAt" = now(),
        "requestedAt" = ${by === "reader" ? Prisma.sql`now()` : Prisma.sql`s."requestedAt"`}
    FROM cur
    WHERE (${which})
      AND s."members" IS NOT NULL AND ${patchableSql(Prisma.sql`s."allVersion"`, Prisma.sql`h."year" = s."year"`)}
      AND s."id" = (SELECT max(n."id") FROM "RankingSnapshot" n WHERE n."key" = s."key")
      AND ${staleSnapshotSql("s")}
      AND NOT EXISTS (
        SELECT 1 FROM "ReportChange" c
        WHERE c."allVersion" > s."allVersion" AND c."allVersion" <= cur."all" AND c."year" = s."year"
          AND NOT EXISTS (SELECT 1 FROM jsonb_each_text(s."members") m WHERE m."value" IS DISTINCT FROM (to_jsonb(c) ->> m."key")))
    RETURNING s."id"`;
}

/**
 * ONE statement: the group's rows read again and digested; when the digest equals the stale snapshot's, the snapshot is
 * carried forward to the year's current data version (read in the same statement, so the same MVCC snapshot as the
 * rows): its header's version moves (and builtAt, as for a build; requestedAt for a reader), and the entries of
 * agencies whose report has a new version point at it. Nothing is ranked or written again. Returns a NULL "id" when the
 * rows changed.
 */
function carryForwardSql(def: GroupDefinition, staleId: number, by: Builder): Prisma.Sql {
  return Prisma.sql`
    WITH src AS MATERIALIZED (${def.rows}),
    dig AS (SELECT ${ROWS_DIGEST} AS "digest" FROM src),
    snap AS (
      UPDATE "RankingSnapshot" s
      SET "version" = ${currentVersionSql(yearScope(def.year))}, "allVersion" = ${currentVersionSql("all")}, "builtAt" = now(),
          "requestedAt" = ${by === "reader" ? Prisma.sql`now()` : Prisma.sql`s."requestedAt"`}, "members" = ${membersJson(def)}::jsonb
      FROM dig
      WHERE s."id" = ${staleId}::int AND s."digest" = dig."digest"
      RETURNING s."id"
    ), moved AS (
      UPDATE "RankingEntry" e SET "reportId" = src."reportId"
      FROM snap, src
      WHERE e."snapshotId" = snap."id" AND e."agencyId" = src."agencyId" AND e."reportId" <> src."reportId"
      RETURNING 1
    )
    SELECT (SELECT "id" FROM snap) AS "id", (SELECT COUNT(*) FROM moved)::int AS "moved"`;
}

/**
 * The group's newest snapshot, when it is stale and has a digest, carried forward to the current data version if the
 * group's rows are unchanged (carryForwardSql); null when there is none to carry or the rows changed. Run under the
 * group's lock.
 */
async function carryForward(tx: Prisma.TransactionClient, def: GroupDefinition, key: string, by: Builder): Promise<number | null> {
  const [newest] = await tx.$queryRaw<{ id: number }[]>`
    SELECT s."id" FROM "RankingSnapshot" s WHERE s."key" = ${key} AND s."digest" IS NOT NULL
      AND s."id" = (SELECT max(n."id") FROM "RankingSnapshot" n WHERE n."key" = ${key})`;
  if (!newest) return null;
  const [row] = await tx.$queryRaw<{ id: number | null }[]>(carryForwardSql(def, newest.id, by));
  return row?.id ?? null;
}

/**
 * ONE statement: read the group's rows, rank them, write the snapshot header (with the year's data version read in the
 * same statement, so in the same MVCC snapshot as the rows) and its entries. Returns the new snapshot id.
 */
function buildSql(def: GroupDefinition, key: string, collate: Prisma.Sql, by: Builder): Prisma.Sql {
  const dir = Prisma.raw(def.order === "asc" ? "ASC" : "DESC");
  const reverse = Prisma.raw(def.order === "asc" ? "DESC" : "ASC");
  const extraOrders = def.keepAll
    ? Prisma.sql`ROW_NUMBER() OVER (ORDER BY k."value" ASC NULLS LAST, k."agencyName"${collate}, k."agencyId")::int AS "ascPosition",
                 ROW_NUMBER() OVER (ORDER BY k."agencyName"${collate}, k."agencyId")::int AS "namePosition"`
    : Prisma.sql`NULL::int AS "ascPosition", NULL::int AS "namePosition"`;
  // the chart's bars: the ranked rows at the group's chart places (none without chartPlaces)
  const places = def.chartPlaces ?? Prisma.sql`SELECT NULL::int AS "place" WHERE false`;
  return Prisma.sql`
    WITH src AS MATERIALIZED (${def.rows}),
    kept AS (SELECT * FROM src WHERE "ranked" OR ${def.keepAll}::boolean),
    ordered AS MATERIALIZED (
      SELECT k."reportId", k."agencyId", k."agencyName", k."value",
             ROW_NUMBER() OVER (ORDER BY k."ranked" DESC, k."value" ${dir} NULLS LAST, k."agencyName", k."agencyId")::int AS "position",
             ${extraOrders},
             CASE WHEN k."ranked" THEN RANK() OVER (PARTITION BY k."ranked" ORDER BY k."value" ${dir})::int END AS "rank",
             CASE WHEN k."ranked" THEN (PERCENT_RANK() OVER (PARTITION BY k."ranked" ORDER BY k."value" ${reverse}) * 100)::float8 END
               AS "percentile"
      FROM kept k
    ), cur AS (
      SELECT (COUNT(*) FILTER (WHERE "ranked"))::int AS "peers" FROM src
    ), dig AS (
      SELECT ${ROWS_DIGEST} AS "digest" FROM src
    ), bars AS (
      SELECT coalesce(array_agg(o."agencyId" ORDER BY o."position"), ARRAY[]::int[]) AS "barIds",
             coalesce(array_agg(o."agencyName" ORDER BY o."position"), ARRAY[]::text[]) AS "barNames",
             coalesce(array_agg(o."value" ORDER BY o."position"), ARRAY[]::float8[]) AS "barValues"
      FROM ordered o JOIN (${places}) p ON p."place" = o."position"
    ), snap AS (
      INSERT INTO "RankingSnapshot" ("key", "year", "version", "peers", "total", "notReported", "smallSample", "identityFailed",
                                     "noneHandled", "median", "quartiles", "barIds", "barNames", "barValues", "definition", "requestedAt",
                                     "digest", "allVersion", "members")
      SELECT ${key}, ${def.year}::int,
             ${currentVersionSql(yearScope(def.year))},
             (COUNT(*) FILTER (WHERE "ranked"))::int, COUNT(*)::int,
             (COUNT(*) FILTER (WHERE "notReported"))::int, (COUNT(*) FILTER (WHERE "smallSample"))::int,
             (COUNT(*) FILTER (WHERE "identityFailed"))::int, (COUNT(*) FILTER (WHERE "noneHandled"))::int,
             (percentile_cont(0.5) WITHIN GROUP (ORDER BY "value") FILTER (WHERE "ranked"))::float8,
             coalesce((percentile_cont(ARRAY[0, 0.25, 0.5, 0.75, 1]::float8[]) WITHIN GROUP (ORDER BY "value")
                       FILTER (WHERE "ranked"))::float8[], ARRAY[]::float8[]),
             (SELECT "barIds" FROM bars), (SELECT "barNames" FROM bars), (SELECT "barValues" FROM bars),
             ${def.params ? JSON.stringify({ view: def.view, params: def.params }) : null}::jsonb,
             ${requestedAtSql(key, by)}, (SELECT "digest" FROM dig), ${currentVersionSql("all")}, ${membersJson(def)}::jsonb
      FROM src
      RETURNING "id"
    ), written AS (
      INSERT INTO "RankingEntry" ("snapshotId", "reportId", "agencyId", "value", "position", "ascPosition", "namePosition", "rank", "percentile")
      SELECT snap."id", o."reportId", o."agencyId", o."value", o."position", o."ascPosition", o."namePosition", o."rank", o."percentile"
      FROM ordered o CROSS JOIN snap
      RETURNING 1
    )
    SELECT snap."id", (SELECT COUNT(*) FROM written)::int AS "entries" FROM snap`;
}

/** How long one rebuild may take before the transaction gives up (a national group under load takes about a second). */
const BUILD_TIMEOUT_MS = 120_000;

/** Who builds a snapshot: a reader that found none fresh, or the warmer ahead of readers (lib/db/snapshot-warm). */
export type Builder = "reader" | "warmer";

/**
 * A group no reader has needed built for this many days is no longer rebuilt ahead of readers: the store keeps warm the
 * groups people look at, not every group ever asked for (a reader's build starts the count again).
 */
export const WARM_DAYS = 14;

/** SQL over a "RankingSnapshot" alias: the warmer will build this snapshot's group again once it is stale. */
export function warmableSql(alias: string): Prisma.Sql {
  const s = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${s}."definition" IS NOT NULL AND ${s}."requestedAt" > now() - make_interval(days => ${WARM_DAYS}::int))`;
}

/** The new snapshot's requestedAt: now for a reader's build; the warmer keeps the group's last one. */
function requestedAtSql(key: string, by: Builder): Prisma.Sql {
  if (by === "reader") return Prisma.sql`now()`;
  return Prisma.sql`coalesce((SELECT max(p."requestedAt") FROM "RankingSnapshot" p WHERE p."key" = ${key}), now())`;
}

/**
 * The group's snapshot for the current data, built when missing or stale. One cheap indexed query when fresh;
 * otherwise one rebuild (serialised per group across processes by an advisory lock; a reader arriving while the warmer
 * or another reader builds the group waits for that build and reuses it).
 */
export async function ensureSnapshot(db: Db, def: GroupDefinition): Promise<SnapshotHeader> {
  const fresh = await findFresh(db, def);
  if (fresh) return fresh;
  return (await buildSnapshot(db, def, { by: "reader", wait: true }))!.header;
}

/** What buildSnapshot did: `built` ranked and wrote the group; `carried` moved its unchanged stale snapshot forward. */
export type BuildResult = { header: SnapshotHeader; built: boolean; carried: boolean };

async function readHeader(tx: Prisma.TransactionClient, id: number): Promise<SnapshotHeader> {
  const [header] = await tx.$queryRaw<HeaderRow[]>`SELECT ${HEADER_COLUMNS} FROM "RankingSnapshot" s WHERE s."id" = ${id}::int`;
  return toSnapshotHeader(header)!;
}

/**
 * Build the group's snapshot unless a fresh one exists, in ONE transaction (readers see the old snapshot or the whole
 * new one, never a part). Serialised per group by an advisory lock: with `wait` the call waits for a build in progress
 * and then finds its result; without it, it returns null when another process holds the group's lock (the warmer moves
 * on and comes back). A stale snapshot whose group's rows did not change (same digest) is carried forward instead of
 * built again (carryForwardSql): an ingest costs a rebuild only in the groups whose rows it changed.
 * The previous snapshot of the key is kept (a concurrent reader may still be paging through it); older ones are deleted,
 * and so are the year's other stale snapshots built more than a minute ago that the warmer will not rebuild.
 */
export async function buildSnapshot(
  db: Db,
  def: GroupDefinition,
  { by, wait }: { by: Builder; wait: boolean },
): Promise<BuildResult | null> {
  const key = snapshotKey(def);
  const collate = await nameCollation(db);
  return db.$transaction(
    async (tx) => {
      if (wait) {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
      } else {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${key})) AS "locked"`;
        if (!lock?.locked) return null;
      }
      const found = await findFresh(tx, def);
      if (found) return { header: found, built: false, carried: false };
      // the build's three window sorts of a national group (50,000 rows, ~6 MB each) in memory, not merged on disk
      await tx.$executeRaw`SET LOCAL work_mem = '32MB'`;
      if (def.members) {
        const [untouched] = await tx.$queryRaw<{ id: number }[]>(carryUntouchedSql(Prisma.sql`s."key" = ${key}`, by));
        if (untouched) return { header: await readHeader(tx, untouched.id), built: false, carried: true };
      }
      const carried = await carryForward(tx, def, key, by);
      if (carried !== null) return { header: await readHeader(tx, carried), built: false, carried: true };
      const [row] = await tx.$queryRaw<{ id: number }[]>(buildSql(def, key, collate, by));
      await tx.$executeRaw`
        DELETE FROM "RankingSnapshot" WHERE "key" = ${key} AND "id" < (
          SELECT coalesce(max("id"), 0) FROM "RankingSnapshot" WHERE "key" = ${key} AND "id" < ${row!.id}::int)`;
      // other groups of the year that an ingest made stale and that the warmer will not rebuild go too (rebuilt when
      // read again), once no request can still be paging through them
      await tx.$executeRaw`
        DELETE FROM "RankingSnapshot" s WHERE s."year" = ${def.year}::int AND s."key" <> ${key}
          AND s."version" < (SELECT "version" FROM "RankingSnapshot" WHERE "id" = ${row!.id}::int)
          AND s."builtAt" < now() - interval '1 minute' AND NOT ${warmableSql("s")}`;
      return { header: await readHeader(tx, row!.id), built: true, carried: false };
    },
    { timeout: BUILD_TIMEOUT_MS, maxWait: BUILD_TIMEOUT_MS },
  );
}

/**
 * A page read of a stored group, as rankings and compare do it: `read` the page against the group's fresh snapshot
 * (one statement, the usual case); when there is none (missing or stale), build it and read again by its id.
 * `read` returns the statement's rows, the first carrying the header columns (a NULL "id" when the snapshot is missing).
 */
export async function readSnapshotPage<R extends HeaderRow>(
  db: Db,
  group: GroupDefinition,
  read: (ref: SnapshotRef) => Promise<R[]>,
): Promise<{ snapshot: SnapshotHeader; rows: R[] }> {
  const rows = await read({ group });
  const snapshot = toSnapshotHeader(rows[0]);
  if (snapshot) return { snapshot, rows };
  // the read found no fresh snapshot: build it (under the group's lock, which finds a build finished meanwhile)
  const built = (await buildSnapshot(db, group, { by: "reader", wait: true }))!.header;
  return { snapshot: built, rows: await read({ id: built.id }) };
}

/** The current data version of a scope ("all", "year:2024"); 0 before the first write. */
export async function readDataVersion(db: Db, scope = "all"): Promise<bigint> {
  const rows = await db.$queryRaw<{ version: bigint }[]>`
    SELECT coalesce(max("version"), 0)::bigint AS "version" FROM "DataVersion" WHERE "scope" = ${scope}`;
  return BigInt(rows[0]?.version ?? 0);
}

/** One agency's place in a stored group: the group's ranked count and the agency's rank (null: not ranked there). */
export type AgencyPlace = { snapshotId: number; peers: number; rank: number | null };

type PlaceRow = { i: number; snapshotId: number | null; peers: number | null; rank: number | null };

/**
 * An agency's place in several groups in ONE statement when their snapshots are fresh (the agency page's 同级排名:
 * one group per figure): per group the fresh snapshot (by key and the year's data version, as ensureSnapshot reads it)
 * and the agency's entry by (snapshotId, agencyId). Groups without a fresh snapshot are built by ensureSnapshot and
 * read in one more statement. Results in the order of `defs`.
 */
export async function readAgencyPlaces(db: Db, defs: GroupDefinition[], agencyId: number): Promise<AgencyPlace[]> {
  if (defs.length === 0) return [];
  const keys = defs.map(snapshotKey);
  const scopes = defs.map((d) => yearScope(d.year));
  const rows = await db.$queryRaw<PlaceRow[]>`
    SELECT k."i"::int AS "i", s."id" AS "snapshotId", s."peers", e."rank"
    FROM unnest(${keys}::text[], ${scopes}::text[]) WITH ORDINALITY AS k("key", "scope", "i")
    LEFT JOIN LATERAL (
      SELECT s."id", s."peers" FROM "RankingSnapshot" s
      WHERE s."key" = k."key"
        AND s."version" = ${currentVersionSql(Prisma.sql`k."scope"`)}
      ORDER BY s."id" DESC LIMIT 1
    ) s ON true
    LEFT JOIN LATERAL (
      SELECT e."rank" FROM "RankingEntry" e WHERE e."snapshotId" = s."id" AND e."agencyId" = ${agencyId}::int LIMIT 1
    ) e ON true
    ORDER BY k."i"`;
  const places: (AgencyPlace | null)[] = rows.map((r) =>
    r.snapshotId === null ? null : { snapshotId: r.snapshotId, peers: r.peers ?? 0, rank: r.rank },
  );
  const missing = defs.flatMap((def, i) => (places[i] ? [] : [i]));
  if (missing.length === 0) return places as AgencyPlace[];
  const built = await Promise.all(missing.map((i) => ensureSnapshot(db, defs[i]!)));
  const ids = built.map((h) => h.id);
  const entries = await db.$queryRaw<{ snapshotId: number; rank: number | null }[]>`
    SELECT e."snapshotId", e."rank" FROM "RankingEntry" e
    WHERE e."snapshotId" = ANY(${ids}::int[]) AND e."agencyId" = ${agencyId}::int`;
  const rankById = new Map(entries.map((e) => [e.snapshotId, e.rank]));
  missing.forEach((i, k) => {
    places[i] = { snapshotId: built[k]!.id, peers: built[k]!.peers, rank: rankById.get(built[k]!.id) ?? null };
  });
  return places as AgencyPlace[];
}
