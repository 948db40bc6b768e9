/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`): sortable as text, free of time zones, readable in the
 * database. Arithmetic goes through day numbers (days since 1970-01-01, UTC), which are exact integers.
 */
import { cachedDateFormat } from "../cycle/time-zone.ts";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** A valid calendar date (rejects 2026-02-30, 2026-13-01) as its day number; null otherwise. */
export function parseIsoDate(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/** The day number of a date known to be valid; throws on anything else (a bug, not user input). */
export function dayNumber(date: string): number {
  const n = parseIsoDate(date);
  if (n === null) throw new RangeError(`not an ISO date: ${date}`);
  return n;
}

/** `YYYY-MM-DD` of a day number. */
export function isoDateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The UTC calendar date of an instant. */
export function isoDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

const YMD: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };

/** The calendar date of an instant in an IANA time zone (a team's "today"). */
export function localDateOf(instant: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return cachedDateFormat("iso-date", timeZone, "en-CA", YMD).format(instant);
}

export function addDays(date: string, days: number): string {
  return isoDateOfDay(dayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** 0 = Monday … 6 = Sunday (ISO numbering minus one). */
export function isoWeekday(day: number): number {
  // 1970-01-01 was a Thursday (3).
  return (((day + 3) % 7) + 7) % 7;
}

/** The earlier of two `YYYY-MM-DD` dates (ISO dates sort as text). */
export function earlierOf(a: string, b: string): string {
  return a <= b ? a : b;
}

/** The later of two `YYYY-MM-DD` dates. */
export function laterOf(a: string, b: string): string {
  return a >= b ? a : b;
}
