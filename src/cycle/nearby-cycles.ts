/**
 * The cycles a person can be working on now: two months back to one month ahead of the team's current
 * month (a late cycle still being finished, the current one, next month's started early). Each is one
 * `_id` lookup — the cycles collection is never scanned.
 */
import type { TeamConfig } from "../team/team-config.ts";
import type { CycleState } from "./cycle-state.ts";
import { getCycle } from "./cycle-store.ts";
import { addMonths, currentPeriod } from "./period.ts";

export const NEARBY = { monthsBack: 2, monthsAhead: 1 };

export function nearbyPeriods(cfg: Pick<TeamConfig, "timezone">, now: Date): string[] {
  const cur = currentPeriod(cfg.timezone, now);
  const out: string[] = [];
  for (let d = -NEARBY.monthsBack; d <= NEARBY.monthsAhead; d++) out.push(addMonths(cur, d));
  return out;
}

/** Started cycles among the nearby periods, oldest first. */
export async function nearbyCycles(
  teamId: string,
  cfg: Pick<TeamConfig, "timezone">,
  now: Date,
): Promise<CycleState[]> {
  const found = await Promise.all(nearbyPeriods(cfg, now).map((p) => getCycle(teamId, p)));
  return found.filter((c): c is CycleState => c !== null);
}
