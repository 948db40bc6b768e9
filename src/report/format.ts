/**
 * How the report writes numbers in its PDF and Slack summary: whole units with grouping, a real
 * minus sign, no "−0"; compact (1.2 M) where a cell is narrow; money in the team's currency when it
 * has one; percentages with one decimal; days with one decimal.
 */
import type { MeasureKind } from "./grid-types.ts";

const MINUS = "−";

function grouped(v: number, digits: number): string {
  const s = Math.abs(v).toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return v < 0 && /[1-9]/.test(s) ? `${MINUS}${s}` : s;
}

/** 12,345 · −250 · 0.5 (decimals only below 10). */
export function qty(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return "–";
  return grouped(v, Math.abs(v) < 10 && !Number.isInteger(v) ? 1 : 0);
}

/** Like qty, but 1.2 M / 34.5 k past `width` characters. */
export function compactQty(v: number | null, width = 7): string {
  const plain = qty(v);
  if (v === null || plain.length <= width) return plain;
  const abs = Math.abs(v);
  const [div, unit] = abs >= 1e9 ? [1e9, " G"] : abs >= 1e6 ? [1e6, " M"] : [1e3, " k"];
  const n = grouped(v / div, abs / div < 100 ? 1 : 0);
  return `${n}${unit}`;
}

export function signedQty(v: number | null): string {
  const s = qty(v);
  return v !== null && v > 0 && s !== "0" ? `+${s}` : s;
}

export function money(v: number | null, currency: string | null): string {
  if (v === null || !Number.isFinite(v)) return "–";
  const s = grouped(Math.round(v), 0);
  return currency ? `${s} ${currency}` : s;
}

export function pct(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return "–";
  const r = Math.round(v * 1000) / 10;
  return `${r === 0 ? "0.0" : grouped(r, 1).replace(/^(−?\d+)$/, "$1.0")} %`;
}

export function days(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return "–";
  return `${grouped(Math.round(v * 10) / 10, 1)} d`;
}

/** A grid cell as text for its measure kind (compact quantities, money without the currency). */
export function cell(kind: MeasureKind, v: number | null): string {
  switch (kind) {
    case "qty":
    case "money":
      return compactQty(v === null ? null : Math.round(v));
    case "pct":
      return v === null ? "–" : `${Math.round(v * 100)}%`;
    case "days":
      return v === null ? "–" : grouped(Math.round(v), 0);
  }
}
