/**
 * The natural-key upsert of an import into the buckets it touches, in memory (pure): a new key is
 * inserted; an existing key whose fields are all equal (and, for orders, whose month is the same) is
 * left alone; any other existing key is replaced — and an order whose `order_date` moved to another month
 * leaves its old month's bucket. Counts follow `sop import`: `updated` = keys that existed before.
 *
 * Stored rows stay in their decoded columns, and rows are only built for the months that change. Demand,
 * production and inventory (whose key decides the month): both sides in key order, each month one merge
 * walk (no key strings, no lookup table). Orders: each month's incoming rows are looked up by id in the
 * stored month (so an unchanged re-import sorts nothing); only orders can have their key in another
 * month than the incoming row's, and those not found in their own month are looked up among the other
 * months read.
 */
import { type Chunk, groupByMonth, type KindCodec, sortByKey } from "./codec.ts";

export interface MergeResult<Row> {
  inserted: number;
  updated: number;
  /** Of `updated`, rows equal to what was stored (nothing written for them). */
  unchanged: number;
  /** Each month whose rows changed, with all its rows after the import in key order (empty: no rows left). */
  changed: Map<string, Row[]>;
  /** The incoming rows that were written (new or replacing). */
  landed: Row[];
}

export interface MergeOptions {
  /** Keys that exist already are left as they are (the migration: stored rows are newer than old ones). */
  insertOnly?: boolean;
}

/** A month's stored rows as one sequence over its chunks (in key order), with the positions that go. */
class StoredMonth<C extends Chunk> {
  readonly size: number;
  /** Positions replaced by an incoming row or moved to another month. */
  gone: Uint8Array | null = null;

  constructor(readonly chunks: readonly C[]) {
    this.size = chunks.reduce((n, c) => n + c.n, 0);
  }

  drop(p: number): void {
    this.gone ??= new Uint8Array(this.size);
    this.gone[p] = 1;
  }
}

/** Walks a stored month row by row: `chunk` and `i` locate position `p`. */
class Cursor<C extends Chunk> {
  p = 0;
  i = 0;
  private c = 0;

  constructor(private readonly m: StoredMonth<C>) {}

  get done(): boolean {
    return this.p >= this.m.size;
  }

  get chunk(): C {
    while (this.i >= this.m.chunks[this.c]!.n) {
      this.i -= this.m.chunks[this.c]!.n;
      this.c++;
    }
    return this.m.chunks[this.c]!;
  }

  next(): void {
    this.p++;
    this.i++;
  }

  /** Moves to position `p` (any direction). */
  seek(p: number): void {
    this.p = p;
    this.i = p;
    this.c = 0;
  }
}

/**
 * `stored`: the decoded chunks (in key order) of every month an incoming row's key could be in (for
 * orders, any month whose id range covers one of the ids), by month. `byMonth`: the incoming rows as
 * groupByMonth gives them (lists of it may be sorted in place).
 */
export function mergeRows<Row, C extends Chunk>(
  codec: KindCodec<Row, C>,
  incoming: readonly Row[],
  stored: ReadonlyMap<string, readonly C[]>,
  opts: MergeOptions = {},
  byMonth: ReadonlyMap<string, Row[]> = groupByMonth(codec, incoming),
): MergeResult<Row> {
  const months = new Map<string, StoredMonth<C>>();
  const storedMonth = (month: string) => {
    let m = months.get(month);
    if (m === undefined) {
      m = new StoredMonth(stored.get(month) ?? []);
      months.set(month, m);
    }
    return m;
  };
  const landing = new Map<string, Row[]>();
  const landed: Row[] = [];
  /** Orders not in their own month's bucket (new, or moved from another month), by their month. */
  const unmatched = new Map<string, Row[]>();
  let updated = 0;
  let unchanged = 0;

  for (const [month, list] of byMonth) {
    const own = storedMonth(month);
    if (own.size === 0) {
      // Nothing stored in this month: its rows are new (orders among them may have moved here).
      if (!codec.keyDecidesMonth) unmatched.set(month, list);
      else {
        landing.set(month, sortByKey(codec, list));
        for (const row of list) landed.push(row);
      }
      continue;
    }
    const into: Row[] = [];
    landing.set(month, into);
    if (!codec.keyDecidesMonth) {
      // Orders: matched by id lookup, so an unchanged re-import sorts nothing (ids are short strings;
      // a lookup table of the stored month costs less than sorting the incoming one).
      const index = new Map<string, number>();
      let p = 0;
      for (const c of own.chunks) for (let i = 0; i < c.n; i++) index.set(codec.keyAt(c, i), p++);
      const at = new Cursor(own);
      const missing: Row[] = [];
      unmatched.set(month, missing);
      for (const row of list) {
        const found = index.get(codec.key(row));
        if (found === undefined) {
          missing.push(row);
          continue;
        }
        updated++;
        at.seek(found);
        if (opts.insertOnly || codec.sameAs(row, at.chunk, at.i)) unchanged++;
        else {
          own.drop(found);
          into.push(row);
          landed.push(row);
        }
      }
      if (into.length > 1) sortByKey(codec, into);
      continue;
    }
    const at = new Cursor(own);
    for (const row of sortByKey(codec, list)) {
      let order = 1;
      while (!at.done) {
        order = codec.compareTo(row, at.chunk, at.i);
        if (order <= 0) break;
        at.next();
      }
      if (!at.done && order === 0) {
        updated++;
        if (opts.insertOnly || codec.sameAs(row, at.chunk, at.i)) unchanged++;
        else {
          own.drop(at.p);
          into.push(row);
          landed.push(row);
        }
        at.next();
      } else {
        into.push(row);
        landed.push(row);
      }
    }
  }

  const moved = findMoved(codec, unmatched, stored, storedMonth);
  updated += moved.size;
  if (opts.insertOnly) unchanged += moved.size;
  for (const [month, rows] of unmatched) {
    const arriving: Row[] = [];
    for (const row of rows) {
      const before = moved.get(row);
      if (before && opts.insertOnly) continue;
      before?.month.drop(before.p);
      arriving.push(row);
      landed.push(row);
    }
    if (arriving.length === 0) continue;
    const into = landing.get(month);
    landing.set(month, sortByKey(codec, into === undefined ? arriving : into.concat(arriving)));
  }

  const changed = new Map<string, Row[]>();
  for (const [month, m] of months) {
    const into = landing.get(month) ?? [];
    if (m.size === 0) {
      if (into.length > 0) changed.set(month, into);
    } else if (into.length > 0 || m.gone !== null) changed.set(month, mergedMonth(codec, m, into));
  }
  return { inserted: incoming.length - updated, updated, unchanged, changed, landed };
}

/** Of the unmatched rows, those whose key is stored in another month: where. */
function findMoved<Row, C extends Chunk>(
  codec: KindCodec<Row, C>,
  unmatched: ReadonlyMap<string, readonly Row[]>,
  stored: ReadonlyMap<string, readonly C[]>,
  storedMonth: (month: string) => StoredMonth<C>,
): Map<Row, { month: StoredMonth<C>; p: number }> {
  const out = new Map<Row, { month: StoredMonth<C>; p: number }>();
  if (unmatched.size === 0 || stored.size === 0) return out;
  const wanted = new Map<string, Row>();
  for (const rows of unmatched.values()) for (const r of rows) wanted.set(codec.key(r), r);
  for (const month of stored.keys()) {
    const m = storedMonth(month);
    for (const at = new Cursor(m); !at.done; at.next()) {
      const row = wanted.get(codec.keyAt(at.chunk, at.i));
      if (row !== undefined) out.set(row, { month: m, p: at.p });
    }
  }
  return out;
}

/** A month's rows after the import: stored rows still there and landing rows, merged in key order. */
function mergedMonth<Row, C extends Chunk>(
  codec: KindCodec<Row, C>,
  m: StoredMonth<C>,
  into: readonly Row[],
): Row[] {
  const out: Row[] = [];
  let j = 0;
  for (const at = new Cursor(m); !at.done; at.next()) {
    if (m.gone?.[at.p] === 1) continue;
    const c = at.chunk;
    while (j < into.length && codec.compareTo(into[j]!, c, at.i) < 0) out.push(into[j++]!);
    out.push(codec.rowOf(c, at.i));
  }
  while (j < into.length) out.push(into[j++]!);
  return out;
}
