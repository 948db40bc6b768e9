/**
 * When a cron expression last fired in a window, in a team's time zone. The scheduler asks this on
 * every tick ("is a run due now, or was one missed in the catch-up window?") instead of trusting that
 * the cron callback of this very process fired: a replica that was down at 08:00 still catches up,
 * and tests drive time without waiting for cron.
 */
import cron from "node-cron";
import { addDays, type LocalParts, localParts, zonedInstant } from "./local-time.ts";

export interface CronMatcher {
  readonly expression: string;
  readonly timeZone: string;
  /** Latest fire time in [from, to], or null. */
  lastFireBetween(from: Date, to: Date): Date | null;
}

const desc = (xs: number[]) => [...new Set(xs)].sort((a, b) => b - a);

/** The latest h:m:s allowed by the fields that is at or before `bound` (seconds of the day), or null. */
function latestTimeAtOrBefore(
  hours: number[],
  minutes: number[],
  seconds: number[],
  bound: number,
): { hour: number; minute: number; second: number } | null {
  for (const hour of hours) {
    if (hour * 3600 > bound) continue;
    for (const minute of minutes) {
      const base = hour * 3600 + minute * 60;
      if (base > bound) continue;
      const second = seconds.find((s) => base + s <= bound);
      if (second !== undefined) return { hour, minute, second };
    }
  }
  return null;
}

/**
 * A matcher for `expression` in `timeZone`. Times of day come from node-cron's parser; whether a date
 * matches (day of month, month, weekday, and node-cron's L / W / # tokens) is node-cron's own `match`,
 * so our answer and node-cron's firing never disagree.
 */
export function cronMatcher(expression: string, timeZone: string): CronMatcher {
  const fields = cron.parse(expression);
  const hours = desc(fields.hour);
  const minutes = desc(fields.minute);
  const seconds = desc(fields.second);
  // A never-started task: only its matcher is used; destroyed at once so node-cron's registry stays clean.
  const probe = cron.createTask(expression, () => {}, { timezone: timeZone });
  const match = (d: Date) => probe.match(d);
  void probe.destroy();

  return {
    expression,
    timeZone,
    lastFireBetween(from: Date, to: Date): Date | null {
      if (to < from) return null;
      const end = localParts(to, timeZone);
      const start = localParts(from, timeZone);
      const startDay = Date.UTC(start.year, start.month - 1, start.day);
      let day = { year: end.year, month: end.month, day: end.day };
      let bound = end.hour * 3600 + end.minute * 60 + end.second;
      // Walk back day by day; the window is hours or a few days, so this stays short.
      for (let i = 0; i < 400 && Date.UTC(day.year, day.month - 1, day.day) >= startDay; i++) {
        const t = latestTimeAtOrBefore(hours, minutes, seconds, bound);
        if (t) {
          const parts: LocalParts = { ...day, ...t };
          const at = zonedInstant(parts, timeZone);
          if (at < from) return null;
          if (at <= to && match(at)) return at;
        }
        day = addDays(day, -1);
        bound = 86_399;
      }
      return null;
    },
  };
}
