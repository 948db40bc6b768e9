/** Naive benchmarks: last value, and last value of the same season. */

export function naive(y: readonly number[], h: number): number[] {
  if (y.length === 0) throw new RangeError("naive needs at least one observation");
  return new Array<number>(h).fill(y[y.length - 1]!);
}

/** Seasonal naive: repeat the last full season; falls back to naive with less than one season. */
export function seasonalNaive(y: readonly number[], m: number, h: number): number[] {
  const n = y.length;
  if (m <= 1 || n < m) return naive(y, h);
  const out: number[] = [];
  for (let i = 0; i < h; i++) out.push(y[n - m + (i % m)]!);
  return out;
}
