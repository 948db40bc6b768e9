/**
 * What each kind of actuals needs to live in buckets: the month its row belongs to, its natural key and
 * key order, and how a sorted run of rows becomes typed columns (a chunk) and back. Every chunk carries
 * its own family dictionary: the names once, sorted, and one small integer per row.
 */
import type { Binary } from "mongodb";
import { decodeNumbers, decodeStrings, encodeNumbers, encodeStrings } from "./column-codec.ts";
import type { ActualsKind } from "./rows.ts";

/** A decoded chunk: `n` rows, `family[i]` indexes `families` (sorted names). */
export interface Chunk {
  n: number;
  families: string[];
  family: Int32Array;
}

export type Columns = Record<string, Binary>;

/** Per-month facts kept in the manifest, so readers can skip months a window cannot touch. */
export interface MonthFacts {
  rows: number;
  families: number;
  /** Orders: range of delivered dates (null when none is delivered), promised dates, open count, ids. */
  deliveredMin?: string | null;
  deliveredMax?: string | null;
  promisedMin?: string;
  promisedMax?: string;
  open?: number;
  idMin?: string;
  idMax?: string;
  /** Inventory: range of snapshot dates. */
  dateMin?: string;
  dateMax?: string;
}

export interface KindCodec<Row, C extends Chunk> {
  kind: ActualsKind;
  /** `YYYY-MM` of the bucket a row belongs to. */
  monthOf(row: Row): string;
  /** The natural key (unique within a team and kind). */
  key(row: Row): string;
  /** Natural key order, the order rows are stored in. */
  compare(a: Row, b: Row): number;
  /**
   * When the key order is the text order of one field (orders: the id), that field: rows are then
   * sorted by the engine's own string sort, several times faster than a comparator.
   */
  sortText?: (row: Row) => string;
  /** `compare` of a row with row `i` of a chunk, without building that row. */
  compareTo(row: Row, chunk: C, i: number): number;
  /** Every field besides the key is equal to row `i` of a chunk (a re-imported row that changes nothing). */
  sameAs(row: Row, chunk: C, i: number): boolean;
  /** The natural key of row `i` of a chunk. */
  keyAt(chunk: C, i: number): string;
  /** The key alone decides the month (true but for orders, whose month is their `order_date`'s). */
  keyDecidesMonth: boolean;
  /** An upper bound of the UTF-8 bytes a row adds to a chunk besides its family name. */
  extraBytes(row: Row): number;
  toChunk(rows: readonly Row[]): C;
  /** Row `i` of a chunk. */
  rowOf(chunk: C, i: number): Row;
  /** The day that places row `i` in a window: the period's first day, the snapshot's or order's date. */
  dayOf(chunk: C, i: number): number;
  encode(chunk: C): Columns;
  decode(columns: Columns, n: number): C;
  facts(rows: readonly Row[]): MonthFacts;
}

export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A dictionary column: the distinct values of `field` sorted, and each row's index into them. Values
 * are numbered in one pass (a run of equal values, as sorted rows have, costs no lookup), then renumbered
 * in sorted order.
 */
export function dictionaryColumn<Row>(
  rows: readonly Row[],
  field: (r: Row) => string,
): { values: string[]; index: Int32Array } {
  const seen = new Map<string, number>();
  const values: string[] = [];
  const index = new Int32Array(rows.length);
  let last: string | undefined;
  let lastId = -1;
  for (let i = 0; i < rows.length; i++) {
    const v = field(rows[i]!);
    if (v !== last) {
      // A handful of values (a chunk's periods) are found faster by a scan than by hashing.
      let id: number | undefined;
      if (values.length <= 8) {
        const at = values.indexOf(v);
        id = at < 0 ? undefined : at;
      } else id = seen.get(v);
      if (id === undefined) {
        id = values.length;
        values.push(v);
        seen.set(v, id);
      }
      last = v;
      lastId = id;
    }
    index[i] = lastId;
  }
  const order = values.map((_, i) => i).sort((a, b) => byText(values[a]!, values[b]!));
  const rank = new Int32Array(values.length);
  order.forEach((id, r) => {
    rank[id] = r;
  });
  for (let i = 0; i < index.length; i++) index[i] = rank[index[i]!]!;
  return { values: order.map((id) => values[id]!), index };
}

/** The family dictionary of rows' families and each row's index into it. */
export function familyColumn<Row extends { family: string }>(
  rows: readonly Row[],
): { families: string[]; family: Int32Array } {
  const { values, index } = dictionaryColumn(rows, (r) => r.family);
  return { families: values, family: index };
}

export function encodeFamilies(chunk: Chunk): Columns {
  return { families: encodeStrings(chunk.families), family: encodeNumbers(chunk.family, chunk.n) };
}

export function decodeFamilies(columns: Columns, n: number): Chunk {
  return {
    n,
    families: decodeStrings(columns.families!),
    family: decodeNumbers(columns.family!, new Int32Array(n)),
  };
}

/** A Float64 column of one numeric field of the rows. */
export function numberColumn<Row>(rows: readonly Row[], field: (r: Row) => number): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = field(rows[i]!);
  return out;
}

export function countFamilies<Row extends { family: string }>(rows: readonly Row[]): number {
  const names = new Set<string>();
  let last: string | undefined;
  for (const r of rows)
    if (r.family !== last) {
      last = r.family;
      names.add(last);
    }
  return names.size;
}

/** Rows in key order (sorted in place unless they already are). Keys are unique. */
export function sortByKey<Row>(codec: KindCodec<Row, Chunk>, rows: Row[]): Row[] {
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) sorted = codec.compare(rows[i - 1]!, rows[i]!) <= 0;
  if (sorted) return rows;
  const text = codec.sortText;
  if (!text) return rows.sort(codec.compare);
  const byText = new Map(rows.map((r) => [text(r), r]));
  const keys = [...byText.keys()].sort();
  for (let i = 0; i < keys.length; i++) rows[i] = byText.get(keys[i]!)!;
  return rows;
}
