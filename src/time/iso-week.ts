/**
 * ISO 8601 weeks (`YYYY-Www`): weeks start on Monday and belong to the year of their Thursday, so
 * 2026-W01 starts on Monday 2025-12-29 and years whose 1 January is a Thursday (or a Wednesday in
 * a leap year) have a week 53.
 */
import { dayNumber, isoDateOfDay, isoWeekday } from "./dates.ts";

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

export interface IsoWeek {
  year: number;
  week: number;
}

/** 52 or 53. */
export function weeksInIsoYear(year: number): number {
  const jan1 = isoWeekday(Date.UTC(year, 0, 1) / 86_400_000);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 3 || (leap && jan1 === 2) ? 53 : 52;
}

/** A valid ISO week label (W53 only in years that have one); null otherwise. */
export function parseIsoWeek(text: string): IsoWeek | null {
  const m = ISO_WEEK.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > weeksInIsoYear(year)) return null;
  return { year, week };
}

export function isIsoWeek(text: string): boolean {
  return parseIsoWeek(text) !== null;
}

export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${String(year).padStart(4, "0")}-W${String(week).padStart(2, "0")}`;
}

/** Day number of the Monday of week 1: the Monday on or before 4 January. */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4) / 86_400_000;
  return jan4 - isoWeekday(jan4);
}

/** The Monday (`YYYY-MM-DD`) a week starts on, e.g. `isoWeekMonday("2026-W01")` = `2025-12-29`. */
export function isoWeekMonday(week: string): string {
  const w = parseIsoWeek(week);
  if (!w) throw new RangeError(`not an ISO week: ${week}`);
  return isoDateOfDay(week1Monday(w.year) + (w.week - 1) * 7);
}

/** The Sunday a week ends on. */
export function isoWeekSunday(week: string): string {
  return isoDateOfDay(dayNumber(isoWeekMonday(week)) + 6);
}

/** The ISO week a date (`YYYY-MM-DD`) falls in, e.g. `isoWeekOf("2027-01-01")` = `2026-W53`. */
export function isoWeekOf(date: string): string {
  const day = dayNumber(date);
  const thursday = day - isoWeekday(day) + 3;
  const year = new Date(thursday * 86_400_000).getUTCFullYear();
  const week = Math.floor((thursday - week1Monday(year)) / 7) + 1;
  return formatIsoWeek({ year, week });
}

/** The week `n` weeks after (negative: before) `week`. */
export function addWeeks(week: string, n: number): string {
  return isoWeekOf(isoDateOfDay(dayNumber(isoWeekMonday(week)) + 7 * n));
}

/** The `n` weeks ending with `last`, oldest first. */
export function weeksEndingWith(last: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => addWeeks(last, i - n + 1));
}
