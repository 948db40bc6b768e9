/**
 * The statistical baseline as the data phase's plan version: each family's monthly
 * demand history → `forecast()` for the cycle's horizon (starting at the cycle month) → plan lines
 * `family, period, quantity`.
 *
 * Decisions: forecasts are floored at 0 (a plan quantity cannot be negative, even when returns made
 * a month's actual negative); quantities are rounded to the precision of the family's actuals
 * (whole units when every actual was a whole number). With a family list in the team configuration only listed
 * families are forecast (plans reject others) and listed families without history are reported as
 * skipped; without a list every family with history is forecast.
 */

import { addMonths } from "../time/period.ts";
import { forecastWithInfo } from "./forecast.ts";
import type { FamilyHistory } from "./monthly-history.ts";

export interface BaselineLine {
  family: string;
  period: string;
  quantity: number;
}

export interface BaselineFamily {
  family: string;
  /** Months of history the forecast was trained on (first observed month to the month before the cycle). */
  historyMonths: number;
  /** Months actually observed among them. */
  observedMonths: number;
  /** Σ quantity over the horizon. */
  total: number;
  seasonal: boolean;
}

export interface BaselinePlan {
  cycleMonth: string;
  horizon: number;
  lines: BaselineLine[];
  families: BaselineFamily[];
  /** Families in the team's list with no demand history before the cycle month. */
  skipped: string[];
  total: number;
  /** Decimals the quantities carry: the most any forecast family's actuals carry (0: whole units). */
  precision: number;
}

function roundQuantity(v: number, precision: number): number {
  const f = 10 ** precision;
  const r = Math.round(v * f) / f;
  return r === 0 ? 0 : r; // no -0
}

/** Forecasts every family; `families` is the team's family list when it has one. */
export function baselinePlan(
  histories: readonly FamilyHistory[],
  opts: { cycleMonth: string; horizon: number; families?: readonly string[] },
): BaselinePlan {
  const allowed = opts.families ? new Set(opts.families) : null;
  const withHistory = new Set(histories.map((h) => h.family));
  const lines: BaselineLine[] = [];
  const families: BaselineFamily[] = [];
  let precision = 0;
  for (const h of histories) {
    if (allowed && !allowed.has(h.family)) continue;
    precision = Math.max(precision, h.precision);
    const { forecast, seasonality } = forecastWithInfo(h.values, {
      season: 12,
      horizon: opts.horizon,
      nonNegative: true,
    });
    let total = 0;
    forecast.forEach((v, i) => {
      const quantity = roundQuantity(Math.max(0, v), h.precision);
      total += quantity;
      lines.push({ family: h.family, period: addMonths(opts.cycleMonth, i), quantity });
    });
    families.push({
      family: h.family,
      historyMonths: h.values.length,
      observedMonths: h.observed,
      total,
      seasonal: seasonality !== "none",
    });
  }
  const skipped = opts.families ? opts.families.filter((f) => !withHistory.has(f)) : [];
  return {
    cycleMonth: opts.cycleMonth,
    horizon: opts.horizon,
    lines,
    families,
    skipped,
    total: families.reduce((s, f) => s + f.total, 0),
    precision,
  };
}

/** The phase whose plan version the baseline becomes. */
export const BASELINE_PHASE_ID = "data";

/** Plan CSV of the baseline lines, as any submission (same parser, same checks). */
export function baselineCsv(lines: readonly BaselineLine[]): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s);
  return `family,period,quantity\n${lines.map((l) => `${quote(l.family)},${l.period},${l.quantity}`).join("\n")}\n`;
}
