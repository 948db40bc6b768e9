/**
 * The full gap report as CSV, for the download attached to the pre-S&OP sign-off message and for
 * `sop gaps --format csv`. Ratios are plain fractions (0.12 = 12 %), like the KPI command line;
 * an empty cell is "not applicable" (a missing plan, no capacity, no price).
 */
import type { GapReport, GapRow } from "./gap-report.ts";

export const GAP_CSV_COLUMNS = [
  "family",
  "period",
  "demand",
  "supply",
  "supply_minus_demand",
  "supply_vs_demand",
  "shortfall",
  "shortfall_revenue",
  "capacity",
  "utilization",
  "finance_quantity",
  "finance_revenue",
  "price",
  "price_source",
  "demand_revenue",
  "revenue_gap",
  "revenue_vs_plan",
  "flags",
] as const;

/** Up to 6 decimals, no trailing zeros, no exponent for ordinary magnitudes. */
export function formatCsvNumber(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return "";
  const r = Math.round(v * 1e6) / 1e6;
  return String(Object.is(r, -0) ? 0 : r);
}

/**
 * Quotes when needed (RFC 4180) and defuses spreadsheet formulas: a text cell starting with
 * = + - @ (or a tab / CR) is prefixed with an apostrophe, so opening the file never runs a formula
 * smuggled into a family name.
 */
export function csvText(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function rowCells(r: GapRow): string[] {
  return [
    csvText(r.family),
    r.period,
    formatCsvNumber(r.demand),
    formatCsvNumber(r.supply),
    formatCsvNumber(r.supplyMinusDemand),
    formatCsvNumber(r.supplyVsDemand),
    formatCsvNumber(r.shortfall),
    formatCsvNumber(r.shortfallRevenue),
    formatCsvNumber(r.capacity),
    formatCsvNumber(r.utilization),
    formatCsvNumber(r.financeQuantity),
    formatCsvNumber(r.financeRevenue),
    formatCsvNumber(r.price),
    r.priceSource ?? "",
    formatCsvNumber(r.demandRevenue),
    formatCsvNumber(r.revenueGap),
    formatCsvNumber(r.revenueVsPlan),
    r.flags.join(" "),
  ];
}

/** Header plus one line per row in the report's order (flagged first, worst first); CRLF-free. */
export function gapReportCsv(report: GapReport): string {
  const lines = [GAP_CSV_COLUMNS.join(",")];
  for (const r of report.rows) lines.push(rowCells(r).join(","));
  return `${lines.join("\n")}\n`;
}
