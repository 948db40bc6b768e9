/** "Today" for a team: the calendar date of the injected clock's instant in the team's time zone. */
import type { Clock } from "../clock.ts";
import { localDateOf } from "./dates.ts";

export function todayFor(clock: Clock, timeZone = "UTC"): string {
  return localDateOf(clock.now(), timeZone);
}
