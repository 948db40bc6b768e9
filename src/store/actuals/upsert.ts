/**
 * Storing checked rows of one kind for a team: the natural-key upsert into the month buckets they touch,
 * committed by the insert of the next manifest revision. Under the kind's lease: read the affected
 * months, merge (merge.ts), write the changed months as a new generation of chunks under new ids, insert
 * the manifest (the commit: all or nothing visible), move the head, then delete what the new revision no
 * longer uses. A crash before the manifest insert leaves only unreferenced chunks (listed in the lease,
 * deleted by the next commit); a crash after it leaves a committed import and some garbage, deleted by
 * the next commit too. Nothing is written when no row changes.
 */
import { UserError } from "../../errors.ts";
import { buildMonth } from "./build-chunks.ts";
import { ChunkWriter, deleteChunks, readChunks } from "./chunks.ts";
import { type Chunk, groupByMonth, type KindCodec } from "./codec.ts";
import { type AnyCodec, codecOf } from "./codecs.ts";
import { generation } from "./ids.ts";
import { emptyLatestIndex, latestIndexDocs, readLatestIndex, updateLatestIndex } from "./inventory-latest.ts";
import { acquireLease, forgetLeases, type LeaseOptions } from "./lease.ts";
import {
  deleteManifest,
  insertManifest,
  type Manifest,
  type MonthEntry,
  manifestExists,
  setHead,
} from "./manifest.ts";
import { mergeRows } from "./merge.ts";
import type { ActualsKind, ActualsRowOf, InventoryRow, OrderRow } from "./rows.ts";

export interface UpsertResult {
  /** Keys that did not exist before. */
  inserted: number;
  /** Keys that existed before (changed or not). */
  updated: number;
  /** Of `updated`, rows equal to what was stored. */
  unchanged: number;
}

export interface UpsertOptions {
  /** Existing keys are left as they are (the migration). */
  insertOnly?: boolean;
  source?: "import" | "migration";
  lease?: LeaseOptions;
  now?: () => Date;
  /** Runs right after the manifest insert (tests use it to stop a run between commit and cleanup). */
  afterCommit?: () => Promise<void>;
}

/** Months whose stored rows an import must read: its own months, and for orders any month whose id range covers an incoming id (an order can move months). */
function monthsToRead<Row>(
  codec: KindCodec<Row, Chunk>,
  base: Manifest,
  rows: readonly Row[],
  own: ReadonlyMap<string, unknown>,
): MonthEntry[] {
  if (base.months.length === 0) return [];
  if (codec.kind !== "orders" || base.months.every((m) => own.has(m.month)))
    return base.months.filter((m) => own.has(m.month));
  // Sorting the ids is only needed when some stored month is not one of the import's own.
  const ids = (rows as readonly OrderRow[]).map((r) => r.orderId).sort();
  return base.months.filter((m) => {
    if (own.has(m.month)) return true;
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ids[mid]! < m.idMin!) lo = mid + 1;
      else hi = mid;
    }
    return lo < ids.length && ids[lo]! <= m.idMax!;
  });
}

/** The decoded chunks of the months, in key order, by month. */
async function storedChunks<Row>(
  codec: KindCodec<Row, Chunk>,
  months: MonthEntry[],
): Promise<Map<string, Chunk[]>> {
  const monthOf = new Map(months.flatMap((m) => m.chunks.map((c) => [c.id, m.month])));
  const out = new Map<string, Chunk[]>(months.map((m) => [m.month, []]));
  for await (const doc of readChunks(months.flatMap((m) => m.chunks)))
    out.get(monthOf.get(doc._id)!)!.push(codec.decode(doc.cols, doc.n));
  return out;
}

export async function upsertActuals<K extends ActualsKind>(
  teamId: string,
  kind: K,
  rows: readonly ActualsRowOf[K][],
  opts: UpsertOptions = {},
): Promise<UpsertResult> {
  const codec = codecOf(kind) as unknown as AnyCodec;
  const now = opts.now ?? (() => new Date());
  const lease = await acquireLease(teamId, kind, opts.lease);
  let abandoned = false;
  try {
    const base = lease.base;
    const byMonth = groupByMonth(codec, rows as readonly { family: string }[]);
    const existing = await storedChunks(codec, monthsToRead(codec, base, rows, byMonth));
    const merged = mergeRows(codec, rows as readonly { family: string }[], existing, opts, byMonth);
    const counts = { inserted: merged.inserted, updated: merged.updated, unchanged: merged.unchanged };
    if (merged.changed.size === 0) return counts;

    const revision = base.revision + 1;
    const gen = generation(revision);
    const writer = new ChunkWriter((ids) => lease.recordPending(ids));
    const months = new Map(base.months.map((m) => [m.month, m]));
    const superseded: string[] = [];
    let committed = false;
    try {
      for (const [month, monthRows] of merged.changed) {
        superseded.push(...(months.get(month)?.chunks.map((c) => c.id) ?? []));
        if (monthRows.length === 0) {
          months.delete(month);
          continue;
        }
        const built = buildMonth(codec, teamId, month, gen, monthRows);
        writer.add(built.docs);
        months.set(month, built.entry);
        // Let the driver send what is queued while the next month is built.
        await new Promise((r) => setImmediate(r));
      }
      let latest = base.latest;
      if (kind === "inventory") {
        const before = base.latest.length ? await readLatestIndex(base) : emptyLatestIndex();
        const index = latestIndexDocs(
          teamId,
          gen,
          updateLatestIndex(before, merged.landed as InventoryRow[]),
        );
        writer.add(index.docs);
        superseded.push(...base.latest.map((c) => c.id));
        latest = index.refs;
      }
      await writer.flush();
      const next: Manifest = {
        teamId,
        kind,
        revision,
        months: [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1)),
        latest,
        superseded,
      };
      committed = await insertManifest(next, opts.source ?? "import", now());
      if (!committed)
        throw new UserError(
          "conflict",
          "Another import of the same kind for this team was committed at the same moment. Nothing was imported by this run; please run it again.",
        );
      await opts.afterCommit?.();
      await setHead(teamId, kind, revision);
      await cleanUp(base, next, lease.crashed).catch(() => {
        // Committed already; whatever is left is deleted by the next commit.
      });
      return counts;
    } catch (err) {
      if (!committed) abandoned = !(await dropUncommitted(teamId, kind, revision, writer.written));
      throw err;
    }
  } finally {
    if (abandoned) lease.abandon();
    else await lease.release().catch(() => {});
  }
}

/**
 * After a failure before the commit was known to succeed: the chunks written are garbage unless the
 * revision got committed after all (an insert whose reply was lost), so they are deleted only when it
 * was not. False when that could not be done: the lease is then left to expire, and the next import of
 * this kind, taking it over, sweeps its pending chunks.
 */
async function dropUncommitted(
  teamId: string,
  kind: ActualsKind,
  revision: number,
  ids: readonly string[],
): Promise<boolean> {
  try {
    if (!(await manifestExists(teamId, kind, revision))) await deleteChunks(ids);
    return true;
  } catch {
    return false;
  }
}

/** After committing `next` on `base`: chunks no revision uses any more, old manifests, crashed leases. */
async function cleanUp(base: Manifest, next: Manifest, crashed: { id: string; pending: string[] }[]) {
  // `base.superseded` again: a crash after the previous commit may have left them.
  await deleteChunks([...next.superseded, ...base.superseded, ...crashed.flatMap((c) => c.pending)]);
  await forgetLeases(crashed.map((c) => c.id));
  await deleteManifest(next.teamId, next.kind, base.revision - 1);
}
