/** When a phase is due: its template day of the cycle month, at the end of that day in the team's time zone. */
import { daysInMonth, periodParts } from "./period.ts";
import { zonedTimeToUtc } from "./time-zone.ts";

/**
 * Day `dueDay` of `period` (clamped to the month's length: 31 in February is the 28th/29th), due at
 * 23:59:59.999 local time — "due on the 8th" means the whole of the 8th, wherever the team is.
 */
export function phaseDueAt(period: string, dueDay: number, timezone: string): Date {
  const { year, month } = periodParts(period);
  const day = Math.min(Math.max(1, Math.trunc(dueDay)), daysInMonth(year, month));
  return zonedTimeToUtc(timezone, year, month, day, 23, 59, 59, 999);
}

/** Whole days past due (0 when not yet due); a phase is overdue from the first millisecond after `dueAt`. */
export function daysOverdue(dueAt: Date, now: Date): number {
  const late = now.getTime() - dueAt.getTime();
  return late <= 0 ? 0 : Math.ceil(late / 86_400_000);
}
