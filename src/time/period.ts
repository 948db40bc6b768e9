/**
 * Periods of actuals and plans: a month `YYYY-MM` or an ISO week `YYYY-Www`. A period
 * belongs to a window when its first day (the 1st of the month, the Monday of the week) lies inside it.
 */
import { daysInMonth } from "./dates.ts";
import { isoWeekMonday, parseIsoWeek } from "./iso-week.ts";

const MONTH = /^(\d{4})-(\d{2})$/;

export type PeriodKind = "month" | "week";

export interface Period {
  kind: PeriodKind;
  /** The label as written, e.g. `2026-03` or `2026-W09`. */
  label: string;
  /** First day, `YYYY-MM-DD`. */
  start: string;
}

export function isMonth(text: string): boolean {
  const m = MONTH.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** A month or ISO week label; null for anything else (2026-13, 2025-W53, 2026-3). */
export function parsePeriod(text: string): Period | null {
  if (isMonth(text)) return { kind: "month", label: text, start: `${text}-01` };
  if (parseIsoWeek(text)) return { kind: "week", label: text, start: isoWeekMonday(text) };
  return null;
}

/** Inclusive date window of a month: `monthWindow("2024-02")` = 2024-02-01 … 2024-02-29. */
export function monthWindow(month: string): { from: string; to: string } {
  const m = MONTH.exec(month);
  if (!m || !isMonth(month)) throw new RangeError(`not a month: ${month}`);
  const last = daysInMonth(Number(m[1]), Number(m[2]));
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

/** The month (`YYYY-MM`) a date lies in. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month `n` months after (negative: before) `month`. */
export function addMonths(month: string, n: number): string {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a month: ${month}`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}
