/**
 * Who may log and close decisions and action items. Logging: the team's admins, its process lead and
 * executives, and every owner and approver of a phase of the cycle (the people in the S&OP meetings).
 * Closing an action item: its owner only — it is theirs to say it is done.
 */
import type { CycleState } from "../cycle/cycle-state.ts";
import { mentionAll } from "../cycle/people.ts";
import { phaseRoles } from "../cycle/roles.ts";
import { UserError } from "../errors.ts";
import { processLeadOf, type TeamConfig } from "../team/team-config.ts";
import type { LoggedItem } from "./item.ts";

export function cycleParticipants(cfg: TeamConfig, cycle: CycleState): Set<string> {
  const people = new Set<string>([...cfg.admins, processLeadOf(cfg), ...cfg.executives]);
  for (const id of cycle.order) {
    const { owners, approvers } = phaseRoles(cfg, cycle, id);
    for (const u of [...owners, ...approvers]) people.add(u);
  }
  return people;
}

export function mayLog(cfg: TeamConfig, cycle: CycleState, userId: string): boolean {
  return cycleParticipants(cfg, cycle).has(userId);
}

export function requireMayLog(cfg: TeamConfig, cycle: CycleState, userId: string): void {
  if (!mayLog(cfg, cycle, userId))
    throw new UserError(
      "not_authorized",
      `Only the people of the ${cycle.period} cycle (its phase owners and approvers, the admins, the process lead and executives) can log S&OP decisions and action items. Nothing was logged.`,
    );
}

export function requireMayClose(item: LoggedItem, userId: string): void {
  if (item.kind !== "action")
    throw new UserError(
      "bad_input",
      "A decision is on record as it is; only action items are closed. Nothing changed.",
    );
  if (item.owner !== userId)
    throw new UserError(
      "not_authorized",
      `Only the owner of this action item (${mentionAll(item.owner ? [item.owner] : [])}) can close it. Nothing changed.`,
    );
}
