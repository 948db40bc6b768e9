/**
 * Reading, writing and deleting bucket chunks, always by `_id`. Reads keep a few requests in flight
 * (FerretDB answers concurrent reads about twice as fast as one after the other) and hand the chunks
 * over in order, one at a time, so memory holds a handful of chunks whatever the data volume.
 */
import type { Binary } from "mongodb";
import { ActualsBucketModel } from "../../db/models/actuals-bucket.ts";
import type { ChunkRef } from "./manifest.ts";
import type { ActualsKind } from "./rows.ts";

/** A chunk listed by the manifest read was deleted meanwhile: a newer import committed; read again. */
export class ActualsMoved extends Error {
  constructor(id: string) {
    super(`actuals chunk ${id} was replaced while it was being read`);
    this.name = "ActualsMoved";
  }
}

export interface ChunkDoc {
  _id: string;
  teamId: string;
  kind: ActualsKind;
  month: string;
  n: number;
  cols: Record<string, Binary>;
}

const buckets = () => ActualsBucketModel.collection;

const IN_FLIGHT = 4;

async function fetchOne(ref: ChunkRef): Promise<ChunkDoc> {
  const doc = (await buckets().findOne({ _id: ref.id as never })) as ChunkDoc | null;
  if (!doc) throw new ActualsMoved(ref.id);
  return doc;
}

/** The chunks in order, a few fetched ahead. */
export async function* readChunks(refs: readonly ChunkRef[]): AsyncGenerator<ChunkDoc> {
  const ahead: Promise<ChunkDoc>[] = [];
  let next = 0;
  const fill = () => {
    while (ahead.length < IN_FLIGHT && next < refs.length) {
      const p = fetchOne(refs[next++]!);
      p.catch(() => {}); // rethrown when its turn comes
      ahead.push(p);
    }
  };
  fill();
  while (ahead.length > 0) {
    const doc = await ahead.shift()!;
    fill();
    yield doc;
  }
}

/**
 * Inserts a generation's chunks (new ids only; nothing is overwritten) while the caller goes on building
 * the next ones: documents are sent in batches of about a MB (small, so the first is stored while the
 * rest are built and the last leaves little to wait for), one batch at a time (SQLite has one
 * writer), each after `beforeBatch` was told every id written so far (so a crash leaves a record of
 * them). The database works in its own process meanwhile, so building and writing overlap.
 */
export class ChunkWriter {
  private batch: ChunkDoc[] = [];
  private bytes = 0;
  private readonly ids: string[] = [];
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(private readonly beforeBatch: (ids: string[]) => Promise<void>) {}

  /** Every id added so far (written or about to be). */
  get written(): readonly string[] {
    return this.ids;
  }

  add(docs: readonly ChunkDoc[]): void {
    for (const d of docs) {
      this.batch.push(d);
      this.bytes += d.n * 16;
      if (this.bytes > 1_000_000) this.send();
    }
  }

  /** Waits until everything added is written; throws what went wrong. */
  async flush(): Promise<void> {
    this.send();
    await this.chain;
    if (this.failure !== undefined) throw this.failure;
  }

  private send(): void {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    this.bytes = 0;
    for (const d of batch) this.ids.push(d._id);
    const ids = [...this.ids];
    this.chain = this.chain.then(async () => {
      if (this.failure !== undefined) return;
      try {
        await this.beforeBatch(ids);
        await buckets().insertMany(batch as never[], { ordered: true });
      } catch (err) {
        this.failure = err;
      }
    });
  }
}

/** Deletes chunks by `_id` (FerretDB pushes only a lone `_id` filter down); missing ones are fine. */
export async function deleteChunks(ids: readonly string[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < ids.length) await buckets().deleteOne({ _id: ids[next++]! as never });
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, ids.length) }, worker));
}
