/** Cycle periods are calendar months written `YYYY-MM`; helpers to read, compare and step them. */
import type { Clock } from "../clock.ts";
import { localDateParts } from "./time-zone.ts";

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(text: string): boolean {
  return PERIOD.test(text);
}

/** Year and month (1-12) of a valid period; throws on anything else (callers validate user input first). */
export function periodParts(period: string): { year: number; month: number } {
  const m = PERIOD.exec(period);
  if (!m) throw new Error(`not a period: ${period}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function formatPeriod(year: number, month: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

export function addMonths(period: string, months: number): string {
  const { year, month } = periodParts(period);
  const index = year * 12 + (month - 1) + months;
  return formatPeriod(Math.floor(index / 12), (index % 12) + 1);
}

/** Whole months from `a` to `b` (positive when b is later). */
export function monthsBetween(a: string, b: string): number {
  const pa = periodParts(a);
  const pb = periodParts(b);
  return pb.year * 12 + pb.month - (pa.year * 12 + pa.month);
}

/** `count` consecutive periods starting at `first`. */
export function periodRange(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(first, i));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The month it is now in the team's time zone (a cycle is "this month" by the team's calendar, not UTC). */
export function currentPeriod(timezone: string | { timezone: string }, clock: Clock | Date): string {
  const tz = typeof timezone === "string" ? timezone : timezone.timezone;
  const now = clock instanceof Date ? clock : clock.now();
  const p = localDateParts(now, tz);
  return formatPeriod(p.year, p.month);
}
