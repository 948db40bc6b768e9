/**
 * Upsert on the natural key without per-row upserts (FerretDB 1.24 answers every update or delete with a
 * full collection scan, while inserts and `_id` lookups are cheap):
 *   1. read which `_id`s already exist, with their content fields: point lookups by `_id` for small
 *      files, else one stream of the team's documents projected to those fields — unless a probe of a
 *      few ids finds none, when the file is inserted optimistically and only duplicate-key rejects are
 *      looked at (a first import costs what a bare insert costs);
 *   2. skip rows whose fields are all equal;
 *   3. insertMany the new rows;
 *   4. replace changed rows: delete them in as few scans as possible (a run of consecutive existing ids
 *      is one `_id` range, the rest `$in` batches), then insertMany.
 * A crash between 4's delete and insert leaves those rows missing until the same import is run again,
 * which restores them (imports are idempotent); nothing is ever counted twice.
 */
import type { Collection, MongoBulkWriteError } from "mongodb";
import { isDuplicateKeyError } from "../db/idempotency.ts";
import type { ActualsDoc } from "./kinds.ts";
import { teamScope } from "./team-scope.ts";

export interface StoreResult {
  /** Keys that did not exist before. */
  inserted: number;
  /** Keys that existed before (changed or not). */
  updated: number;
  /** Of `updated`, rows whose content was identical and were left alone. */
  unchanged: number;
}

const INSERT_BATCH = 10_000;
/** Up to this many rows, existing ids are looked up one by one by `_id` (pushed down to SQLite). */
const POINT_LOOKUP_MAX = 1_000;
const LOOKUP_CONCURRENCY = 8;
/** Ids looked up before a large import to tell a first import from a re-import. */
const PROBE_SIZE = 32;
/** Ids per `$in` delete; FerretDB evaluates `$in` per document, so huge lists get slow. */
const DELETE_BATCH = 2_000;
/** A run of at least this many consecutive changed ids is deleted as one `_id` range. */
const RANGE_MIN = 8;

type Coll = Collection<ActualsDoc>;

type Content = Record<string, unknown>;

const projectionOf = (fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, 1]));

async function lookupByIds(
  coll: Coll,
  ids: string[],
  fields: readonly string[],
): Promise<Map<string, Content>> {
  const found = new Map<string, Content>();
  const projection = projectionOf(fields);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      const doc = await coll.findOne({ _id: id }, { projection });
      if (doc) found.set(doc._id, doc);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOOKUP_CONCURRENCY, ids.length) }, worker));
  return found;
}

async function scanTeam(
  coll: Coll,
  teamId: string,
  fields: readonly string[],
): Promise<Map<string, Content>> {
  const found = new Map<string, Content>();
  const cursor = coll
    .find(teamScope(teamId) as never, { projection: projectionOf(fields) })
    .batchSize(10_000);
  for await (const doc of cursor) found.set(doc._id, doc);
  return found;
}

function sameContent(a: Content, b: Content, fields: readonly string[]): boolean {
  for (const f of fields) if ((a[f] ?? null) !== (b[f] ?? null)) return false;
  return true;
}

/** Inserts in batches, one at a time (SQLite has one writer; concurrent batches only contend). */
async function insertAll(coll: Coll, docs: ActualsDoc[]): Promise<ActualsDoc[]> {
  const collided: ActualsDoc[] = [];
  for (let i = 0; i < docs.length; i += INSERT_BATCH) {
    const batch = docs.slice(i, i + INSERT_BATCH);
    try {
      await coll.insertMany(batch, { ordered: false });
    } catch (err) {
      // Keys that exist after all (or that another import inserted meanwhile) are compared afterwards.
      const writeErrors = (err as MongoBulkWriteError).writeErrors;
      const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
      if (list.length === 0 || !list.every((e) => isDuplicateKeyError(e))) throw err;
      for (const e of list) collided.push(batch[e.index]!);
    }
  }
  return collided;
}

/** JS sorts strings by UTF-16 units, the server by UTF-8 bytes; they agree below U+D800. */
function sortsLikeServer(id: string): boolean {
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) >= 0xd800) return false;
  return true;
}

/** Delete filters covering exactly `changed`, given every existing id of the team (when known). */
export function deleteFilters(
  teamId: string,
  changed: ReadonlySet<string>,
  existingIds: string[] | null,
): Record<string, unknown>[] {
  const filters: Record<string, unknown>[] = [];
  const singles: string[] = [];
  if (existingIds?.every(sortsLikeServer)) {
    const sorted = [...existingIds].sort();
    let runStart = -1;
    const flush = (end: number) => {
      if (runStart < 0) return;
      const length = end - runStart;
      if (length >= RANGE_MIN)
        filters.push({ teamId, _id: { $gte: sorted[runStart]!, $lte: sorted[end - 1]! } });
      else for (let k = runStart; k < end; k++) singles.push(sorted[k]!);
      runStart = -1;
    };
    sorted.forEach((id, k) => {
      if (changed.has(id)) {
        if (runStart < 0) runStart = k;
      } else flush(k);
    });
    flush(sorted.length);
  } else singles.push(...changed);
  for (let i = 0; i < singles.length; i += DELETE_BATCH)
    filters.push({ teamId, _id: { $in: singles.slice(i, i + DELETE_BATCH) } });
  return filters;
}

async function replaceAll(
  coll: Coll,
  teamId: string,
  docs: ActualsDoc[],
  existingIds: string[] | null,
): Promise<void> {
  if (docs.length === 0) return;
  const ids = new Set(docs.map((d) => d._id));
  for (const filter of deleteFilters(teamId, ids, existingIds)) await coll.deleteMany(filter as never);
  const again = await insertAll(coll, docs);
  if (again.length > 0)
    throw new Error(`another import wrote the same ${again.length} rows at the same time; run it again`);
}

/** Splits rows into new, changed and unchanged against what exists. */
function classify(docs: ActualsDoc[], existing: Map<string, Content>, fields: readonly string[]) {
  const fresh: ActualsDoc[] = [];
  const changed: ActualsDoc[] = [];
  let unchanged = 0;
  for (const doc of docs) {
    const before = existing.get(doc._id);
    if (before === undefined) fresh.push(doc);
    else if (sameContent(before, doc as unknown as Content, fields)) unchanged++;
    else changed.push(doc);
  }
  return { fresh, changed, unchanged };
}

/** Ids spread evenly over the file: if none of them exists, the file is most likely all new. */
function sampleIds(docs: ActualsDoc[], n: number): string[] {
  const step = Math.max(1, Math.floor(docs.length / n));
  const ids: string[] = [];
  for (let i = 0; i < docs.length && ids.length < n; i += step) ids.push(docs[i]!._id);
  return ids;
}

export async function storeActualsDocs(
  coll: Coll,
  teamId: string,
  docs: ActualsDoc[],
  contentFields: readonly string[],
): Promise<StoreResult> {
  if (docs.length <= POINT_LOOKUP_MAX) {
    const existing = await lookupByIds(
      coll,
      docs.map((d) => d._id),
      contentFields,
    );
    const { fresh, changed, unchanged } = classify(docs, existing, contentFields);
    await replaceAll(coll, teamId, changed, null);
    const collided = await insertAll(coll, fresh);
    await replaceAll(coll, teamId, collided, null);
    return {
      inserted: fresh.length - collided.length,
      updated: docs.length - fresh.length + collided.length,
      unchanged,
    };
  }
  const probe = await lookupByIds(coll, sampleIds(docs, PROBE_SIZE), []);
  if (probe.size === 0) {
    // A first import: insert optimistically, no scan; keys that existed after all fail with a duplicate
    // key error and are compared afterwards.
    const collided = await insertAll(coll, docs);
    if (collided.length === 0) return { inserted: docs.length, updated: 0, unchanged: 0 };
    const bigCollision = collided.length > POINT_LOOKUP_MAX;
    const existing = bigCollision
      ? await scanTeam(coll, teamId, contentFields)
      : await lookupByIds(
          coll,
          collided.map((d) => d._id),
          contentFields,
        );
    const { changed, unchanged } = classify(collided, existing, contentFields);
    // The scan ran after the inserts, so ranges over its ids cannot swallow a new row.
    await replaceAll(coll, teamId, changed, bigCollision ? [...existing.keys()] : null);
    return { inserted: docs.length - collided.length, updated: collided.length, unchanged };
  }
  const existing = await scanTeam(coll, teamId, contentFields);
  const { fresh, changed, unchanged } = classify(docs, existing, contentFields);
  // Changed rows first: a range delete spans existing ids only, so no new row may exist yet.
  await replaceAll(coll, teamId, changed, [...existing.keys()]);
  const collided = await insertAll(coll, fresh);
  await replaceAll(coll, teamId, collided, null);
  return {
    inserted: fresh.length - collided.length,
    updated: docs.length - fresh.length + collided.length,
    unchanged,
  };
}
