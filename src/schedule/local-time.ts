import { type LocalParts, localDateParts } from "../cycle/time-zone.ts";
import { isoWeekOf } from "../time/iso-week.ts";

/**
 * Wall-clock time in a team's time zone, with nothing but Intl: the parts of an instant, the instant of
 * a wall-clock time, the local date and the ISO week (the period keys of daily and weekly jobs).
 */

export type { LocalParts } from "../cycle/time-zone.ts";

/** The wall-clock parts of an instant in `timeZone` (one Intl implementation, shared with the cycle's due dates). */
export const localParts: (instant: Date, timeZone: string) => LocalParts = localDateParts;

const asUtcMs = (p: LocalParts) => Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);

/** The zone's offset from UTC at `instant`, in ms (positive east of Greenwich). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const ms = Math.floor(instant.getTime() / 1000) * 1000;
  return asUtcMs(localParts(new Date(ms), timeZone)) - ms;
}

/**
 * The instant a wall clock in `timeZone` shows `parts`. Twice corrected so it lands right on DST days;
 * a time inside a spring-forward gap maps to the instant one offset later, as clocks read after the jump.
 */
export function zonedInstant(parts: LocalParts, timeZone: string): Date {
  const wall = asUtcMs(parts);
  let guess = wall - zoneOffsetMs(new Date(wall), timeZone);
  guess = wall - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** `YYYY-MM-DD` of the wall clock in `timeZone`. */
export function localDateKey(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** ISO week of the wall clock in `timeZone`. */
export function localIsoWeekKey(instant: Date, timeZone: string): string {
  return isoWeekOf(localDateKey(instant, timeZone));
}

/** The calendar date `days` after the given one. */
export function addDays(
  date: { year: number; month: number; day: number },
  days: number,
): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
