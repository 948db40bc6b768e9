/** Forecast accuracy metrics as defined for the M3 comparison. */

/**
 * sMAPE in percent: mean of 200·|y − f| / (|y| + |f|). A step where both are 0 is a perfect
 * forecast and counts as 0 (the formula is 0/0 there).
 */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  if (actual.length !== forecast.length || actual.length === 0) {
    throw new RangeError("smape needs equally long, non-empty arrays");
  }
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]!;
    const f = forecast[i]!;
    const d = Math.abs(y) + Math.abs(f);
    s += d === 0 ? 0 : (200 * Math.abs(y - f)) / d;
  }
  return s / actual.length;
}

/**
 * In-sample mean absolute error of the seasonal naive forecast (lag m), the MASE scale.
 * Falls back to lag 1 when the history is not longer than one season. NaN if undefined.
 */
export function maseScale(insample: readonly number[], m: number): number {
  const lag = m > 1 && insample.length > m ? m : 1;
  let s = 0;
  let k = 0;
  for (let t = lag; t < insample.length; t++) {
    const d = Math.abs(insample[t]! - insample[t - lag]!);
    if (Number.isNaN(d)) continue;
    s += d;
    k++;
  }
  return k > 0 ? s / k : Number.NaN;
}

/** MASE: mean absolute error ÷ in-sample seasonal-naive MAE. Infinity/NaN when the scale is 0. */
export function mase(
  insample: readonly number[],
  actual: readonly number[],
  forecast: readonly number[],
  m: number,
): number {
  if (actual.length !== forecast.length || actual.length === 0) {
    throw new RangeError("mase needs equally long, non-empty arrays");
  }
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += Math.abs(actual[i]! - forecast[i]!);
  return s / actual.length / maseScale(insample, m);
}
