/**
 * Fills missing observations (NaN or ±Infinity) so the smoothing methods see a complete series.
 * Leading gaps are dropped (the series simply starts later); interior gaps are interpolated
 * linearly and trailing gaps carried forward. When the completed series is seasonal, the gaps are
 * filled again on the seasonally adjusted scale, so a missing December is filled like a December.
 */
import { deseasonalise, detectSeasonality, reseasonalise } from "./seasonality.ts";

/** Linear interpolation of the NaN entries; the first element must be finite. */
function interpolate(x: readonly number[]): number[] {
  const out = x.slice();
  let prev = 0;
  for (let t = 1; t < out.length; t++) {
    if (!Number.isNaN(out[t]!)) {
      for (let k = prev + 1; k < t; k++)
        out[k] = out[prev]! + ((out[t]! - out[prev]!) * (k - prev)) / (t - prev);
      prev = t;
    }
  }
  for (let k = prev + 1; k < out.length; k++) out[k] = out[prev]!;
  return out;
}

/**
 * Returns the history with leading missing values removed and the others imputed.
 * Throws a RangeError when no observation is present at all.
 */
export function impute(history: readonly number[], m: number): number[] {
  const x = history.map((v) => (Number.isFinite(v) ? v : Number.NaN));
  const first = x.findIndex((v) => !Number.isNaN(v));
  if (first < 0) throw new RangeError("history has no observed value");
  const y = x.slice(first);
  if (!y.some((v) => Number.isNaN(v))) return y;
  let filled = interpolate(y);
  // The seasonal indices are estimated on the filled series, so a first linear fill biases them;
  // a few rounds of re-estimating and refilling let the fills settle on the pattern.
  for (let round = 0; round < 5; round++) {
    const seas = detectSeasonality(filled, m);
    if (seas.mode === "none") break;
    const adjFilled = interpolate(deseasonalise(y, seas)); // NaN stays NaN until interpolated
    filled = y.map((v, t) => (Number.isNaN(v) ? reseasonalise([adjFilled[t]!], t, seas)[0]! : v));
  }
  return filled;
}
