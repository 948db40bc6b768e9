/** The i-th finite value or null, so a short or NaN-holding array leaves a gap instead of throwing. */
export function valueAt(values: readonly (number | null)[], i: number): number | null {
  const v = values[i];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Rounds to `decimals` places: more precision is invisible on a chart and only lengthens URLs. */
export function roundTo(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
