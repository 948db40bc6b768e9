/**
 * The one number style of every message, table and file people read (Slack, the CLI, reports):
 * en-US digit grouping, a real minus sign (U+2212), never "−0", quantities in the precision of their
 * inputs, money in the team's currency, percentages and percentage points with at most one decimal.
 * Machine output (JSON, CSV cells meant for spreadsheets) keeps raw numbers and does not use this.
 */

export const MINUS = "\u2212";

/** Most decimals a quantity is ever shown with, whatever its inputs carry. */
const MAX_PRECISION = 3;

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(maxDecimals: number, minDecimals = 0): Intl.NumberFormat {
  const key = `${maxDecimals}/${minDecimals}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-US", {
      maximumFractionDigits: maxDecimals,
      minimumFractionDigits: minDecimals,
    });
    formats.set(key, f);
  }
  return f;
}

/** `v` rounded to `decimals`, with −0 folded into 0. */
function rounded(v: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(v) * f) / f;
  return v < 0 && r !== 0 ? -r : r;
}

function signed(v: number, decimals: number, text: string): string {
  const r = rounded(v, decimals);
  return r > 0 ? `+${text}` : r < 0 ? `${MINUS}${text}` : `±${text}`;
}

/** Decimals written in `v` (1.25 → 2, 3 → 0), at most MAX_PRECISION. */
export function decimalsOf(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return 0;
  for (let d = 1; d <= MAX_PRECISION; d++) if (Math.abs(rounded(v, d) - v) < 1e-9) return d;
  return MAX_PRECISION;
}

/** The precision of a set of quantities: the most decimals any of them carries (0 for whole numbers). */
export function precisionOf(values: Iterable<number>): number {
  let p = 0;
  for (const v of values) {
    if (p === MAX_PRECISION) break;
    p = Math.max(p, decimalsOf(v));
  }
  return p;
}

/** "1,234", "16,755.9" (`precision` decimals at most), "−56". */
export function formatQuantity(v: number, precision = 0): string {
  const r = rounded(v, precision);
  const s = numberFormat(precision).format(Math.abs(r));
  return r < 0 ? `${MINUS}${s}` : s;
}

/** A change in quantity: "+1,234", "−56", "±0". */
export function formatSignedQuantity(v: number, precision = 0): string {
  return signed(v, precision, numberFormat(precision).format(Math.abs(rounded(v, precision))));
}

/** A fraction as a percentage: 0.9312 → "93.1 %", 0.5 → "50 %". */
export function formatPercent(fraction: number, decimals = 1): string {
  return `${formatQuantity(fraction * 100, decimals)} %`;
}

/** A relative change: "+4.2 %", "−0.5 %", "±0 %". */
export function formatSignedPercent(fraction: number, decimals = 1): string {
  return `${formatSignedQuantity(fraction * 100, decimals)} %`;
}

/** A difference of two fractions in percentage points: "+1.2 pts", "−0.4 pts", "±0 pts". */
export function formatPoints(delta: number, decimals = 1): string {
  return `${formatSignedQuantity(delta * 100, decimals)} pts`;
}

/** Days: "6.9 d". */
export function formatDays(v: number): string {
  return `${formatQuantity(v, 1)} d`;
}

/** A change in days: "+0.7 d", "−0.2 d", "±0 d". */
export function formatSignedDays(v: number): string {
  return `${formatSignedQuantity(v, 1)} d`;
}

/**
 * Money in whole units of the team's currency (ISO 4217 code, e.g. "EUR 58,069,233"); without a
 * currency, the plain number.
 */
export function formatMoney(v: number, currency?: string | null): string {
  const r = rounded(v, 0);
  const amount = numberFormat(0).format(Math.abs(r));
  return `${r < 0 ? MINUS : ""}${currency ? `${currency} ` : ""}${amount}`;
}

/** A change in money: "+EUR 1,200", "−EUR 310", "±0". */
export function formatSignedMoney(v: number, currency?: string | null): string {
  const amount = numberFormat(0).format(Math.abs(rounded(v, 0)));
  return signed(v, 0, currency && rounded(v, 0) !== 0 ? `${currency} ${amount}` : amount);
}

/** A change against an earlier value, both as a number and relative: "−1,246, −0.4 %" (no nested brackets). */
export function formatChange(now: number, before: number, precision = 0): string {
  const d = now - before;
  const abs = formatSignedQuantity(d, precision);
  if (before === 0 || rounded(d, precision) === 0) return abs;
  return `${abs}, ${formatSignedPercent(d / Math.abs(before))}`;
}

/** "3 families", "1 family": a count with its noun. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${formatQuantity(n)} ${n === 1 ? word : many}`;
}
