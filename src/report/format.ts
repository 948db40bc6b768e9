/**
 * How the report writes numbers: the one number style (src/format) for sentences and tables, plus
 * the narrow grid cells of the PDF — whole units, compact (1.2 M) past seven characters.
 */
import { formatDays, formatMoney, formatPercent, formatQuantity, MINUS } from "../format/index.ts";
import type { MeasureKind } from "./grid-types.ts";

const DASH = "–";

export function qty(v: number | null): string {
  return v === null || !Number.isFinite(v)
    ? DASH
    : formatQuantity(v, Math.abs(v) < 10 && !Number.isInteger(v) ? 1 : 0);
}

/** Like qty, but 1.2 M / 34.5 k past `width` characters. */
export function compactQty(v: number | null, width = 7): string {
  const plain = qty(v);
  if (v === null || plain.length <= width) return plain;
  const abs = Math.abs(v);
  const [div, unit] = abs >= 1e9 ? [1e9, " G"] : abs >= 1e6 ? [1e6, " M"] : [1e3, " k"];
  return `${formatQuantity(v / div, abs / div < 100 ? 1 : 0)}${unit}`;
}

export function money(v: number | null, currency: string | null): string {
  return v === null || !Number.isFinite(v) ? DASH : formatMoney(v, currency);
}

export function pct(v: number | null): string {
  return v === null || !Number.isFinite(v) ? DASH : formatPercent(v);
}

export function days(v: number | null): string {
  return v === null || !Number.isFinite(v) ? DASH : formatDays(v);
}

/** A grid cell as text for its measure kind (compact quantities, money without the currency). */
export function cell(kind: MeasureKind, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return DASH;
  switch (kind) {
    case "qty":
    case "money":
      return compactQty(Math.round(v));
    case "pct":
      return `${formatQuantity(v * 100, 0)}%`;
    case "days":
      return formatQuantity(v, 0);
  }
}

export { MINUS };
