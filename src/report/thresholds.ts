/**
 * The one threshold rule of the gap report and the S&OP grid: a measure at or over its threshold is
 * flagged (utilisation of exactly 100 % against a 100 % threshold is flagged). A zero threshold flags
 * any non-zero measure, never a zero one.
 */
export function atOrOver(measure: number, threshold: number): boolean {
  const m = Math.abs(measure);
  return m > 0 && m >= threshold;
}
