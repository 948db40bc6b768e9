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
import { type ChunkDoc, deleteChunks, readChunks, writeChunks } from "./chunks.ts";
import { type Chunk, type KindCodec, rowsOf } from "./codec.ts";
import { type AnyCodec, codecOf } from "./codecs.ts";
import { generation } from "./ids.ts";
import { emptyLatestIndex, latestIndexDocs, readLatestIndex, updateLatestIndex } from "./inventory-latest.ts";
import { acquireLease, forgetLeases, type LeaseOptions } from "./lease.ts";
import { deleteManifest, insertManifest, type Manifest, type MonthEntry, setHead } from "./manifest.ts";
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
function monthsToRead<Row>(codec: KindCodec<Row, Chunk>, base: Manifest, rows: readonly Row[]): MonthEntry[] {
  const own = new Set(rows.map((r) => codec.monthOf(r)));
  if (codec.kind !== "orders") return base.months.filter((m) => own.has(m.month));
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

async function storedRows<Row>(
  codec: KindCodec<Row, Chunk>,
  months: MonthEntry[],
): Promise<Map<string, Row[]>> {
  const out = new Map<string, Row[]>();
  for (const m of months) {
    const rows: Row[] = [];
    for await (const doc of readChunks(m.chunks))
      for (const r of rowsOf(codec, codec.decode(doc.cols, doc.n))) rows.push(r);
    out.set(m.month, rows);
  }
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
  try {
    const base = lease.base;
    const existing = await storedRows(codec, monthsToRead(codec, base, rows));
    const merged = mergeRows(codec, rows as readonly { family: string }[], existing, opts);
    const counts = { inserted: merged.inserted, updated: merged.updated, unchanged: merged.unchanged };
    if (merged.changed.size === 0) return counts;

    const revision = base.revision + 1;
    const gen = generation(revision);
    const docs: ChunkDoc[] = [];
    const months = new Map(base.months.map((m) => [m.month, m]));
    const superseded: string[] = [];
    for (const [month, monthRows] of merged.changed) {
      superseded.push(...(months.get(month)?.chunks.map((c) => c.id) ?? []));
      if (monthRows.length === 0) {
        months.delete(month);
        continue;
      }
      const built = buildMonth(codec, teamId, month, gen, monthRows);
      docs.push(...built.docs);
      months.set(month, built.entry);
    }
    let latest = base.latest;
    if (kind === "inventory") {
      const before = base.latest.length ? await readLatestIndex(base) : emptyLatestIndex();
      const index = latestIndexDocs(teamId, gen, updateLatestIndex(before, merged.landed as InventoryRow[]));
      docs.push(...index.docs);
      superseded.push(...base.latest.map((c) => c.id));
      latest = index.refs;
    }
    const next: Manifest = {
      teamId,
      kind,
      revision,
      months: [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1)),
      latest,
      superseded,
    };
    const ids = docs.map((d) => d._id);
    await lease.recordPending(ids);
    await writeChunks(docs);
    if (!(await insertManifest(next, opts.source ?? "import", now()))) {
      await deleteChunks(ids);
      throw new UserError(
        "conflict",
        "Another import of the same kind for this team was committed at the same moment. Nothing was imported by this run; please run it again.",
      );
    }
    await opts.afterCommit?.();
    await setHead(teamId, kind, revision);
    await cleanUp(base, next, lease.crashed).catch(() => {
      // Committed already; whatever is left is deleted by the next commit.
    });
    return counts;
  } finally {
    await lease.release().catch(() => {});
  }
}

/** After committing `next` on `base`: chunks no revision uses any more, old manifests, crashed leases. */
async function cleanUp(base: Manifest, next: Manifest, crashed: { id: string; pending: string[] }[]) {
  // `base.superseded` again: a crash after the previous commit may have left them.
  await deleteChunks([...next.superseded, ...base.superseded, ...crashed.flatMap((c) => c.pending)]);
  await forgetLeases(crashed.map((c) => c.id));
  await deleteManifest(next.teamId, next.kind, base.revision - 1);
}
