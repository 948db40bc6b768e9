/** `/sop start PERIOD`: admins open a month's cycle from the team template; starting twice changes nothing. */
import { UserError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import type { TeamConfig } from "../team/team-config.ts";
import { requireTeamConfig } from "../team/team-config-store.ts";
import { type CycleState, newCycleState } from "./cycle-state.ts";
import { getCycle, insertCycle } from "./cycle-store.ts";
import { mentionAll } from "./people.ts";
import { addMonths, currentPeriod, isPeriod, monthsBetween } from "./period.ts";
import { isAdmin } from "./roles.ts";

/** How far from the current month a cycle may be started: catches typos like 2207-01. */
export const START_WINDOW = { monthsBack: 12, monthsAhead: 24 };

export function requirePeriod(text: string | undefined, what = "PERIOD"): string {
  const p = (text ?? "").trim();
  if (!isPeriod(p)) {
    throw new UserError(
      "bad_input",
      `${what} must be a month written YYYY-MM, such as 2027-01${p ? ` (got "${p.slice(0, 20)}")` : ""}.`,
    );
  }
  return p;
}

export interface StartResult {
  cfg: TeamConfig;
  cycle: CycleState;
  /** False when the cycle had already been started (nothing changed). */
  created: boolean;
}

export async function startCycle(
  input: { teamId: string; period: string; by: string; at: Date },
  log?: Logger,
): Promise<StartResult> {
  const cfg = await requireTeamConfig(input.teamId);
  if (!isAdmin(cfg, input.by)) {
    throw new UserError("not_authorized", `Only S&OP admins (${mentionAll(cfg.admins)}) can start a cycle.`);
  }
  const period = requirePeriod(input.period);
  const now = currentPeriod(cfg.timezone, input.at);
  const distance = monthsBetween(now, period);
  if (distance < -START_WINDOW.monthsBack || distance > START_WINDOW.monthsAhead) {
    throw new UserError(
      "bad_input",
      `${period} is too far from this month (${now}): cycles can be started from ${addMonths(now, -START_WINDOW.monthsBack)} to ${addMonths(now, START_WINDOW.monthsAhead)}.`,
    );
  }
  const fresh = newCycleState(cfg, period, input.by, input.at);
  if (await insertCycle(fresh)) {
    log?.info({ cycle: fresh.id }, "cycle started");
    return { cfg, cycle: fresh, created: true };
  }
  const existing = await getCycle(input.teamId, period);
  if (!existing) throw new Error(`cycle ${fresh.id} exists but cannot be read`);
  return { cfg, cycle: existing, created: false };
}
