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
  /** Every field besides the key is equal (a re-imported row that changes nothing). */
  sameContent(a: Row, b: Row): boolean;
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

/** The family dictionary of sorted rows' families and each row's index into it. */
export function familyColumn<Row extends { family: string }>(
  rows: readonly Row[],
): { families: string[]; family: Int32Array } {
  const names = [...new Set(rows.map((r) => r.family))].sort(byText);
  const index = new Map(names.map((f, i) => [f, i]));
  const family = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) family[i] = index.get(rows[i]!.family)!;
  return { families: names, family };
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
  return new Set(rows.map((r) => r.family)).size;
}

/** Every row of a chunk. */
export function rowsOf<Row, C extends Chunk>(codec: KindCodec<Row, C>, chunk: C): Row[] {
  const rows: Row[] = new Array(chunk.n);
  for (let i = 0; i < chunk.n; i++) rows[i] = codec.rowOf(chunk, i);
  return rows;
}
