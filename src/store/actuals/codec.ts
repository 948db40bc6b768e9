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
  /** The `YYYY-MM-DD` text whose month is the row's bucket (rows share these texts, so they group cheaply). */
  monthDate(row: Row): string;
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
  /** The month's facts but its family count (taken from its chunks' dictionaries). */
  facts(rows: readonly Row[]): Omit<MonthFacts, "families">;
}

export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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

/** How many distinct families the chunks' dictionaries name together. */
export function countFamilies(chunks: readonly Chunk[]): number {
  if (chunks.length === 1) return chunks[0]!.families.length;
  const names = new Set<string>();
  for (const c of chunks) for (const f of c.families) names.add(f);
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

/** Rows by the month of their bucket, in their order. */
export function groupByMonth<Row>(codec: KindCodec<Row, Chunk>, rows: readonly Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  // By date text first: a file repeats a few hundred dates, so this costs one lookup a row and no substring.
  const byDate = new Map<string, Row[]>();
  for (const row of rows) {
    const date = codec.monthDate(row);
    let list = byDate.get(date);
    if (list === undefined) {
      const month = date.slice(0, 7);
      list = out.get(month);
      if (list === undefined) {
        list = [];
        out.set(month, list);
      }
      byDate.set(date, list);
    }
    list.push(row);
  }
  return out;
}
