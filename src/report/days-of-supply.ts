/**
 * Days of supply of a month-end position, looking forward: the inventory at the end of month m covers
 * the demand of month m + 1, so
 *
 *   days of supply(m) = inventory(m) ÷ (demand(m + 1) ÷ days in month m + 1)
 *
 * with the demand of a closed month its actual and of a horizon month its plan. The last month of the
 * horizon has no next month and uses its own demand. A position at or below zero covers 0 days; a next
 * month without demand gives no figure (null): any stock then is more than any maximum.
 * The same rule gives days of backlog for make-to-order families.
 */
import { periodParts } from "../cycle/period.ts";
import { daysInMonth } from "../time/dates.ts";

export function monthDays(month: string): number {
  const { year, month: m } = periodParts(month);
  return daysInMonth(year, m);
}

/**
 * Daily demand each month's position is measured against: the next month's demand per day (the
 * month's own for the last one); null when that demand is unknown.
 */
export function coverageRates(
  months: readonly string[],
  demand: readonly (number | null)[],
): (number | null)[] {
  return months.map((_, i) => {
    const j = i + 1 < months.length ? i + 1 : i;
    const d = demand[j];
    return d === null || d === undefined ? null : d / monthDays(months[j]!);
  });
}

/** Days a position covers at a daily demand; null when the rate is unknown or zero. */
export function daysCovered(position: number | null, rate: number | null): number | null {
  if (position === null || rate === null || rate <= 0) return null;
  return position <= 0 ? 0 : position / rate;
}
