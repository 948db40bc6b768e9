/**
 * Logging a decision or action item and closing one: who may (access.ts), what is a good item
 * (new-item.ts), and the store's unique inserts — logging the same item twice stores it once, and of
 * any number of concurrent closes exactly one closes it.
 */
import type { CycleState } from "../cycle/cycle-state.ts";
import { getCycle } from "../cycle/cycle-store.ts";
import { noCycle } from "../cycle/explain.ts";
import { nearbyCycles } from "../cycle/nearby-cycles.ts";
import { formatWhen, mention } from "../cycle/people.ts";
import { currentPeriod } from "../cycle/period.ts";
import { UserError } from "../errors.ts";
import { closeItem, findItem, type LoggedResult, logItem } from "../store/decision-items.ts";
import type { TeamConfig } from "../team/team-config.ts";
import { requireTeamConfig } from "../team/team-config-store.ts";
import { localDateOf } from "../time/dates.ts";
import { requireMayClose, requireMayLog } from "./access.ts";
import type { LoggedItem } from "./item.ts";
import { checkNewItem, type NewItemInput, newItem } from "./new-item.ts";

/** The item was refused; `problems` name the fields (text, owner, dueDate, phase). */
export class ItemRejectedError extends UserError {
  constructor(readonly problems: Partial<Record<"text" | "owner" | "dueDate" | "phase", string>>) {
    super("bad_input", `Not logged: ${Object.values(problems).join(" ")} Nothing was stored.`);
    this.name = "ItemRejectedError";
  }
}

/**
 * The cycle an item is logged in: the one named, else the open cycle nearest now (the newest open
 * one), else the newest started one.
 */
export async function cycleForItems(cfg: TeamConfig, now: Date, period?: string): Promise<CycleState> {
  if (period) {
    const cycle = await getCycle(cfg.team, period);
    if (!cycle) throw noCycle(period);
    return cycle;
  }
  const nearby = await nearbyCycles(cfg.team, cfg, now);
  const cycle = nearby.filter((c) => c.status === "open").at(-1) ?? nearby.at(-1);
  if (!cycle) throw noCycle(currentPeriod(cfg.timezone, now));
  return cycle;
}

export interface LogItemInput extends Omit<NewItemInput, "cycle" | "today"> {
  period: string;
}

/** Who may log it and whether it is good (field-named problems); the item to store. Reads only. */
export async function prepareItem(input: LogItemInput): Promise<{ cfg: TeamConfig; item: LoggedItem }> {
  const cfg = await requireTeamConfig(input.teamId);
  const cycle = await getCycle(input.teamId, input.period);
  if (!cycle) throw noCycle(input.period);
  requireMayLog(cfg, cycle, input.by);
  const full: NewItemInput = { ...input, cycle, today: localDateOf(input.at, cfg.timezone) };
  const problems = checkNewItem(full);
  if (Object.keys(problems).length) throw new ItemRejectedError(problems);
  return { cfg, item: newItem(full) };
}

/** prepareItem, then one unique insert (`created` false: it was on record already). */
export async function logDecisionItem(input: LogItemInput): Promise<LoggedResult & { cfg: TeamConfig }> {
  const { cfg, item } = await prepareItem(input);
  return { ...(await logItem(item)), cfg };
}

export interface CloseResult {
  cfg: TeamConfig;
  item: LoggedItem;
  logMessage: { channel: string; ts: string } | null;
}

/** Closes an action item for its owner; a second close (or a lost race) is told who closed it when. */
export async function closeActionItem(
  teamId: string,
  id: string,
  by: string,
  at: Date,
): Promise<CloseResult> {
  const cfg = await requireTeamConfig(teamId);
  const found = await findItem(teamId, id);
  if (!found)
    throw new UserError("stale", "This action item is not on record in this workspace. Nothing changed.");
  requireMayClose(found.item, by);
  if (found.item.status === "closed") throw alreadyClosed(found.item, cfg.timezone);
  const outcome = await closeItem(found.item, by, at);
  if (!outcome.closed) throw alreadyClosed(outcome.item, cfg.timezone);
  return { cfg, item: outcome.item, logMessage: found.logMessage };
}

function alreadyClosed(item: LoggedItem, timezone: string): UserError {
  return new UserError(
    "stale",
    `This action item was already closed${item.closedBy ? ` by ${mention(item.closedBy)}` : ""}${item.closedAt ? ` on ${formatWhen(item.closedAt, timezone)}` : ""}. Nothing changed.`,
  );
}
