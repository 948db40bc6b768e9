/**
 * Monthly demand history per family from demand actuals (demand.csv rows, monthly `YYYY-MM` or ISO
 * weekly `YYYY-Www`), the input of the statistical baseline. Pure computation.
 *
 * Weeks into months: a week's quantity is spread evenly over its seven days and each day's share
 * goes to its calendar month. Counting a whole week in the month of its Monday (the KPI window rule)
 * would give months of four or five weeks — a ±25 % swing the forecaster would read as noise or
 * seasonality. A month built from weeks counts only when every one of its days is covered by a week
 * row; a partly covered month (the first or last weeks of the data, a missing week) is a missing
 * observation, which the forecaster imputes. A monthly row for a month wins over weekly rows in it.
 *
 * Only months before the cycle month are history: the cycle month itself is what the baseline
 * forecasts and its actuals are at best partial.
 */

import { decimalsOf } from "../format/numbers.ts";
import { addDays, daysInMonth } from "../time/dates.ts";
import { isoWeekMonday, parseIsoWeek } from "../time/iso-week.ts";
import { addMonths, isMonth, monthOf } from "../time/period.ts";

export interface DemandActualRow {
  family: string;
  /** `YYYY-MM` or `YYYY-Www`. */
  period: string;
  actualQty: number;
}

export interface FamilyHistory {
  family: string;
  /** First month of `values`. */
  firstMonth: string;
  /** One value per month from `firstMonth` to the month before the cycle; NaN = missing. */
  values: number[];
  /** Months with an observed value. */
  observed: number;
  /** Decimals the family's actual quantities carry (0: whole units); the baseline is rounded to it. */
  precision: number;
}

interface MonthCell {
  monthly: number | null;
  weekly: number;
  /** Days covered by week rows. */
  days: number;
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** Monthly totals of one family-month, complete months only. */
export interface MonthlyActual {
  family: string;
  /** `YYYY-MM`. */
  period: string;
  actual: number;
}

interface Aggregated {
  /** family → month → cell. */
  cells: Map<string, Map<string, MonthCell>>;
  /** family → the most decimals any of its actuals carries. */
  precision: Map<string, number>;
}

const weekDayMonths = new Map<string, string[] | null>();

/** The month of each of a week's seven days (null when `week` is not an ISO week), computed once per week. */
function monthsOfWeekDays(week: string): string[] | null {
  let months = weekDayMonths.get(week);
  if (months === undefined) {
    const monday = parseIsoWeek(week) ? isoWeekMonday(week) : null;
    months = monday === null ? null : Array.from({ length: 7 }, (_, i) => monthOf(addDays(monday, i)));
    if (weekDayMonths.size > 10_000) weekDayMonths.clear();
    weekDayMonths.set(week, months);
  }
  return months;
}

function aggregate(rows: readonly DemandActualRow[]): Aggregated {
  const cells = new Map<string, Map<string, MonthCell>>();
  const precision = new Map<string, number>();
  const cellOf = (family: string, month: string) => {
    let fam = cells.get(family);
    if (!fam) {
      fam = new Map();
      cells.set(family, fam);
    }
    let c = fam.get(month);
    if (!c) {
      c = { monthly: null, weekly: 0, days: 0 };
      fam.set(month, c);
    }
    return c;
  };
  for (const r of rows) {
    if (!Number.isFinite(r.actualQty)) continue;
    precision.set(r.family, Math.max(precision.get(r.family) ?? 0, decimalsOf(r.actualQty)));
    if (isMonth(r.period)) {
      const c = cellOf(r.family, r.period);
      c.monthly = (c.monthly ?? 0) + r.actualQty;
    } else {
      const months = monthsOfWeekDays(r.period);
      if (!months) continue;
      for (const month of months) {
        const c = cellOf(r.family, month);
        c.weekly += r.actualQty / 7;
        c.days += 1;
      }
    }
  }
  return { cells, precision };
}

/** The value of a complete month, or null (partly covered by weeks). */
function completeValue(month: string, c: MonthCell): number | null {
  if (c.monthly !== null) return c.monthly;
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return c.days >= days ? c.weekly : null;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every complete family-month, by family then month (what FVA compares plans with). */
export function monthlyActuals(rows: readonly DemandActualRow[]): MonthlyActual[] {
  const { cells } = aggregate(rows);
  const out: MonthlyActual[] = [];
  for (const family of [...cells.keys()].sort(byName)) {
    const months = cells.get(family)!;
    for (const month of [...months.keys()].sort(byName)) {
      const v = completeValue(month, months.get(month)!);
      if (v !== null) out.push({ family, period: month, actual: v });
    }
  }
  return out;
}

/** Histories of every family with at least one complete month before `cycleMonth`, by family name. */
export function monthlyHistories(rows: readonly DemandActualRow[], cycleMonth: string): FamilyHistory[] {
  const { cells, precision } = aggregate(rows);
  const cutoff = monthIndex(cycleMonth);
  const out: FamilyHistory[] = [];
  for (const family of [...cells.keys()].sort(byName)) {
    const complete = new Map<number, number>();
    for (const [month, c] of cells.get(family)!) {
      const idx = monthIndex(month);
      if (idx >= cutoff) continue;
      const v = completeValue(month, c);
      if (v !== null) complete.set(idx, v);
    }
    if (complete.size === 0) continue;
    const first = Math.min(...complete.keys());
    const values: number[] = [];
    for (let idx = first; idx < cutoff; idx++) values.push(complete.get(idx) ?? Number.NaN);
    out.push({
      family,
      firstMonth: addMonths(cycleMonth, first - cutoff),
      values,
      observed: complete.size,
      precision: precision.get(family) ?? 0,
    });
  }
  return out;
}
