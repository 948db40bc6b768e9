/**
 * Classical decomposition (centred moving average, averaged detrended ratios) and the
 * seasonality test used by the M3 Theta method: seasonal when the lag-m autocorrelation exceeds
 * its 90 % two-sided bound under Bartlett's formula.
 */
import { mean } from "simple-statistics";

export type SeasonalMode = "multiplicative" | "additive" | "none";

export interface Seasonality {
  mode: SeasonalMode;
  m: number;
  /** indices[k] applies to observations at t ≡ k (mod m), t counted from the first value. */
  indices: number[];
}

/** z for a two-sided 90 % test, i.e. the 95th percentile of the standard normal. */
const Z90 = 1.6448536269514722;

/** Sample autocorrelations r_1..r_maxLag (r_k at index k − 1). */
export function acf(x: readonly number[], maxLag: number): number[] {
  const n = x.length;
  const mu = mean(x as number[]);
  let denom = 0;
  for (const v of x) denom += (v - mu) ** 2;
  const out: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    if (denom === 0 || k >= n) {
      out.push(0);
      continue;
    }
    let s = 0;
    for (let t = 0; t + k < n; t++) s += (x[t]! - mu) * (x[t + k]! - mu);
    out.push(s / denom);
  }
  return out;
}

/**
 * True when the lag-m autocorrelation is significant at 90 %:
 * |r_m| > z · sqrt((1 + 2 Σ_{k<m} r_k²) / n). Needs at least two full seasons (a classical
 * decomposition cannot estimate every index with less), and a non-constant series.
 */
export function isSeasonal(x: readonly number[], m: number): boolean {
  const n = x.length;
  if (m <= 1 || n < 2 * m) return false;
  const r = acf(x, m);
  let s = 0;
  for (let k = 0; k < m - 1; k++) s += r[k]! ** 2;
  const bound = Z90 * Math.sqrt((1 + 2 * s) / n);
  return Math.abs(r[m - 1]!) > bound;
}

/** Centred moving average of order m (2×m for even m); NaN where the window does not fit. */
export function centredMovingAverage(x: readonly number[], m: number): number[] {
  const n = x.length;
  const out = new Array<number>(n).fill(Number.NaN);
  const half = Math.floor(m / 2);
  for (let t = half; t < n - half; t++) {
    let s = 0;
    if (m % 2 === 1) {
      for (let j = -half; j <= half; j++) s += x[t + j]!;
      out[t] = s / m;
    } else {
      // 2×m MA: half weight on the two ends so the window is centred on t.
      for (let j = -half + 1; j <= half - 1; j++) s += x[t + j]!;
      s += 0.5 * (x[t - half]! + x[t + half]!);
      out[t] = s / m;
    }
  }
  return out;
}

/** Classical decomposition seasonal indices (normalised to mean 1, or to sum 0 if additive). */
export function decompose(x: readonly number[], m: number, mode: "multiplicative" | "additive"): number[] {
  const trend = centredMovingAverage(x, m);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = 0; t < x.length; t++) {
    const tr = trend[t]!;
    if (Number.isNaN(tr)) continue;
    const d = mode === "multiplicative" ? x[t]! / tr : x[t]! - tr;
    if (!Number.isFinite(d)) continue;
    sums[t % m]! += d;
    counts[t % m]! += 1;
  }
  const neutral = mode === "multiplicative" ? 1 : 0;
  const raw = sums.map((s, k) => (counts[k]! > 0 ? s / counts[k]! : neutral));
  const avg = mean(raw);
  if (mode === "multiplicative") return avg > 0 ? raw.map((v) => v / avg) : raw.map(() => 1);
  return raw.map((v) => v - avg);
}

/**
 * Decide how to seasonally adjust `x`: multiplicative when every value is positive, additive
 * otherwise (zeros or negatives make ratios meaningless), and none when the test fails.
 */
export function detectSeasonality(x: readonly number[], m: number): Seasonality {
  if (!isSeasonal(x, m)) return { mode: "none", m: 1, indices: [1] };
  const mode: SeasonalMode = x.every((v) => v > 0) ? "multiplicative" : "additive";
  const indices = decompose(x, m, mode);
  if (mode === "multiplicative" && indices.some((v) => !(v > 0))) {
    return { mode: "none", m: 1, indices: [1] };
  }
  return { mode, m, indices };
}

/** Removes the seasonal component from the observed series. */
export function deseasonalise(x: readonly number[], s: Seasonality): number[] {
  if (s.mode === "none") return x.slice();
  return x.map((v, t) => {
    const idx = s.indices[t % s.m]!;
    return s.mode === "multiplicative" ? v / idx : v - idx;
  });
}

/** Puts the seasonal component back on forecasts for steps 1..h after a series of length n. */
export function reseasonalise(f: readonly number[], n: number, s: Seasonality): number[] {
  if (s.mode === "none") return f.slice();
  return f.map((v, i) => {
    const idx = s.indices[(n + i) % s.m]!;
    return s.mode === "multiplicative" ? v * idx : v + idx;
  });
}
