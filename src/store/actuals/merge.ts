/**
 * The natural-key upsert of an import into the buckets it touches, in memory (pure): a new key is
 * inserted; an existing key whose fields are all equal (and, for orders, whose month is the same) is
 * left alone; any other existing key is replaced — and an order whose `order_date` moved to another month
 * leaves its old month's bucket. Counts follow `sop import`: `updated` = keys that existed before.
 */
import type { Chunk, KindCodec } from "./codec.ts";

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

/**
 * `existing`: the stored rows of every month an incoming row's key could be in (for orders, any month
 * whose id range covers one of the ids), by month.
 */
export function mergeRows<Row>(
  codec: KindCodec<Row, Chunk>,
  incoming: readonly Row[],
  existing: ReadonlyMap<string, readonly Row[]>,
  opts: MergeOptions = {},
): MergeResult<Row> {
  const stored = new Map<string, { row: Row; month: string }>();
  for (const [month, rows] of existing) for (const row of rows) stored.set(codec.key(row), { row, month });
  const landing = new Map<string, Row[]>();
  const leaving = new Map<string, Set<string>>();
  const landed: Row[] = [];
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  for (const row of incoming) {
    const key = codec.key(row);
    const month = codec.monthOf(row);
    const before = stored.get(key);
    if (before === undefined) inserted++;
    else {
      updated++;
      if (opts.insertOnly || (before.month === month && codec.sameContent(before.row, row))) {
        unchanged++;
        continue;
      }
      const out = leaving.get(before.month) ?? new Set<string>();
      leaving.set(before.month, out);
      out.add(key);
    }
    const into = landing.get(month) ?? [];
    landing.set(month, into);
    into.push(row);
    landed.push(row);
  }
  const changed = new Map<string, Row[]>();
  for (const month of new Set([...landing.keys(), ...leaving.keys()])) {
    const out = leaving.get(month);
    const kept = (existing.get(month) ?? []).filter((r) => !out?.has(codec.key(r)));
    const rows = kept.concat(landing.get(month) ?? []);
    rows.sort(codec.compare);
    changed.set(month, rows);
  }
  return { inserted, updated, unchanged, changed, landed };
}
