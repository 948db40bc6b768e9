/**
 * The week a digest reports on: the last complete ISO week before `now` in the team's time zone (a
 * Monday 08:00 digest covers Monday–Sunday just ended; `/sop digest` on a Thursday, the same week).
 */
import { localDateKey } from "../schedule/local-time.ts";
import { addWeeks, isoWeekMonday, isoWeekOf, isoWeekSunday, weeksEndingWith } from "../time/iso-week.ts";

export interface ReportingWeek {
  week: string;
  /** Monday and Sunday of the week, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** The team's local date at `now`. */
  today: string;
}

export function reportingWeek(now: Date, timezone: string): ReportingWeek {
  const today = localDateKey(now, timezone);
  const week = addWeeks(isoWeekOf(today), -1);
  return { week, from: isoWeekMonday(week), to: isoWeekSunday(week), today };
}

/** The `n` weeks ending with `week`, oldest first. */
export function trailingWeeks(week: string, n: number): string[] {
  return weeksEndingWith(week, n);
}
