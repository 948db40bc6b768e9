/**
 * Columns of a bucket as typed binary (one BSON Binary each), the smallest form that is exact:
 * - numbers: when every value is an integer, as unsigned codes `value − base` in 1, 2 or 4 bytes (0 bytes
 *   when all are equal), else raw little-endian Float64; a nullable column (delivered dates) reserves
 *   code 0 for null. Quantities are usually whole units and dates are day numbers close together, so most
 *   columns take 1–2 bytes a row: FerretDB 1.24 moves a document at ~20 MB/s (it stores Binary as
 *   base64 inside JSON), so bytes are what a read costs.
 * - strings (family names, order ids): UTF-8 joined with U+0000, which no name can contain (names
 *   with control characters are refused on import).
 * Layout: a 16-byte header — tag, width, nullable flag, 5 spare bytes, Float64 base (numbers) or count
 * (strings) — then the data.
 */
import { Binary } from "mongodb";

const HEADER = 16;
const TAG_CODES = 1;
const TAG_FLOAT64 = 2;
const TAG_STRINGS = 3;

/** The stored form of a null day (open orders' delivered date) in decoded Int32 columns. */
export const NULL_DAY = -2147483648;

function header(tag: number, width: number, nullable: boolean, base: number, bytes: number): Buffer {
  // A buffer of its own (offset 0), so the data after the header can be written through typed views.
  const buf = Buffer.from(new ArrayBuffer(HEADER + bytes));
  buf[0] = tag;
  buf[1] = width;
  buf[2] = nullable ? 1 : 0;
  buf.writeDoubleLE(base, 8);
  return buf;
}

/**
 * Encodes `n` numbers; `nullValue` marks nulls (only in integer columns). Values must be finite.
 */
export function encodeNumbers(values: ArrayLike<number>, n: number, nullValue?: number): Binary {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let integers = true;
  let nulls = false;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v === nullValue) {
      nulls = true;
      continue;
    }
    if (integers && !Number.isInteger(v)) integers = false;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) min = max = 0; // empty, or nulls only
  const offset = nulls ? 1 : 0;
  const span = max - min + offset;
  if (!integers || span > 0xffffffff) {
    if (nulls) throw new RangeError("a nullable column must hold integers");
    const buf = header(TAG_FLOAT64, 8, false, 0, n * 8);
    const out = new Float64Array(buf.buffer, HEADER, n);
    for (let i = 0; i < n; i++) out[i] = values[i]!;
    return new Binary(buf);
  }
  const width = span === 0 ? 0 : span <= 0xff ? 1 : span <= 0xffff ? 2 : 4;
  const buf = header(TAG_CODES, width, nulls, min, n * width);
  if (width === 0) return new Binary(buf);
  // Little-endian views, as decodeNumbers reads them (every platform Node runs on is little-endian).
  const out =
    width === 1
      ? new Uint8Array(buf.buffer, HEADER, n)
      : width === 2
        ? new Uint16Array(buf.buffer, HEADER, n)
        : new Uint32Array(buf.buffer, HEADER, n);
  const base = min - offset;
  if (nulls) for (let i = 0; i < n; i++) out[i] = values[i] === nullValue ? 0 : values[i]! - base;
  else for (let i = 0; i < n; i++) out[i] = values[i]! - base;
  return new Binary(buf);
}

function bytesOf(bin: Binary | Uint8Array): Buffer {
  const raw = bin instanceof Binary ? bin.buffer : bin;
  return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
}

/** A typed view of `bytes` bytes at `at` in `buf`, copied first when the offset is not aligned. */
function aligned(
  buf: Buffer,
  at: number,
  bytes: number,
  width: number,
): { memory: ArrayBuffer; offset: number } {
  const offset = buf.byteOffset + at;
  if (offset % width === 0) return { memory: buf.buffer as ArrayBuffer, offset };
  // The driver hands out slices of its reply buffer, at any offset.
  return { memory: new Uint8Array(buf.subarray(at, at + bytes)).buffer, offset: 0 };
}

/** Decodes a number column into `out` (its length is the row count); nulls become `nullValue`. */
export function decodeNumbers<T extends Float64Array | Int32Array>(
  bin: Binary | Uint8Array,
  out: T,
  nullValue = Number.NaN,
): T {
  const buf = bytesOf(bin);
  const n = out.length;
  const tag = buf[0];
  if (tag === TAG_FLOAT64) {
    const { memory, offset } = aligned(buf, HEADER, n * 8, 8);
    out.set(new Float64Array(memory, offset, n));
    return out;
  }
  if (tag !== TAG_CODES) throw new Error(`not a number column (tag ${tag})`);
  const width = buf[1]!;
  const nullable = buf[2] === 1;
  const min = buf.readDoubleLE(8);
  if (width === 0) {
    out.fill(nullable ? nullValue : min);
    return out;
  }
  const { memory, offset } = aligned(buf, HEADER, n * width, width);
  const codes =
    width === 1
      ? new Uint8Array(memory, offset, n)
      : width === 2
        ? new Uint16Array(memory, offset, n)
        : new Uint32Array(memory, offset, n);
  if (nullable) {
    const base = min - 1;
    for (let i = 0; i < n; i++) {
      const c = codes[i]!;
      out[i] = c === 0 ? nullValue : base + c;
    }
  } else for (let i = 0; i < n; i++) out[i] = min + codes[i]!;
  return out;
}

export function encodeStrings(list: readonly string[]): Binary {
  const text = Buffer.from(list.join("\u0000"), "utf8");
  const buf = header(TAG_STRINGS, 0, false, list.length, text.length);
  text.copy(buf, HEADER);
  return new Binary(buf);
}

export function decodeStrings(bin: Binary | Uint8Array): string[] {
  const buf = bytesOf(bin);
  if (buf[0] !== TAG_STRINGS) throw new Error(`not a string column (tag ${buf[0]})`);
  const count = buf.readDoubleLE(8);
  if (count === 0) return [];
  return buf.toString("utf8", HEADER).split("\u0000");
}
