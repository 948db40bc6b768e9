/**
 * A decision or action item as someone logs it: checked whole (text, owner, due date, phase), with
 * messages naming the field, and given a deterministic id from what it says — logging the same item
 * twice at once (a double submit, two replicas) stores it once.
 */
import { createHash } from "node:crypto";
import type { CycleState } from "../cycle/cycle-state.ts";
import { isIsoDate } from "../time/dates.ts";
import type { ItemKind, LoggedItem } from "./item.ts";

export const MAX_ITEM_TEXT = 2000;

export interface NewItemInput {
  teamId: string;
  cycle: CycleState;
  kind: ItemKind;
  text: string;
  owner: string | null;
  dueDate: string | null;
  phase: string | null;
  permalink: string | null;
  /** The message it was logged from (shortcut), so logging that message twice is one item. */
  source: string | null;
  by: string;
  at: Date;
  /** The team's date today, to refuse due dates in the past. */
  today: string;
}

/** Field → problem; empty when the input is good. */
export function checkNewItem(input: NewItemInput): Record<"text" | "owner" | "dueDate" | "phase", string> {
  const problems = {} as Record<"text" | "owner" | "dueDate" | "phase", string>;
  const text = input.text.trim();
  if (!text) problems.text = "Write what was decided or what is to be done.";
  else if (text.length > MAX_ITEM_TEXT)
    problems.text = `At most ${MAX_ITEM_TEXT} characters (this is ${text.length}).`;
  if (input.owner !== null && !/^[UW][A-Z0-9]{2,}$/.test(input.owner)) problems.owner = "Choose a person.";
  if (input.kind === "action") {
    if (!input.owner) problems.owner = "An action item needs an owner.";
    if (!input.dueDate) problems.dueDate = "An action item needs a due date.";
  }
  if (input.dueDate !== null) {
    if (!isIsoDate(input.dueDate)) problems.dueDate = `"${input.dueDate}" is not a date (YYYY-MM-DD).`;
    else if (input.dueDate < input.today)
      problems.dueDate = `${input.dueDate} is in the past (today is ${input.today}).`;
  }
  if (input.phase !== null && !input.cycle.phases[input.phase])
    problems.phase = `The ${input.cycle.period} cycle has no phase "${input.phase}".`;
  return problems;
}

export function itemId(input: NewItemInput): string {
  const key = [
    input.kind,
    input.text.trim(),
    input.owner ?? "",
    input.dueDate ?? "",
    input.phase ?? "",
    input.source ?? "",
  ].join("\u0000");
  const hash = createHash("sha256").update(key).digest("hex").slice(0, 16);
  return `${input.teamId}|${input.cycle.period}|${hash}`;
}

/** The item to store (the input must have passed checkNewItem). */
export function newItem(input: NewItemInput): LoggedItem {
  const phase = input.phase ? input.cycle.phases[input.phase] : null;
  return {
    id: itemId(input),
    teamId: input.teamId,
    kind: input.kind,
    text: input.text.trim(),
    owner: input.owner,
    dueDate: input.kind === "action" ? input.dueDate : null,
    period: input.cycle.period,
    phase: phase?.id ?? null,
    phaseName: phase?.name ?? null,
    permalink: input.permalink,
    createdBy: input.by,
    createdAt: input.at,
    status: input.kind === "decision" ? "closed" : "open",
    closedBy: input.kind === "decision" ? input.by : null,
    closedAt: input.kind === "decision" ? input.at : null,
  };
}

/** The phase an item belongs to by default: the one open now, else the last one started. */
export function currentPhaseId(cycle: CycleState): string | null {
  let last: string | null = null;
  for (const id of cycle.order) {
    const p = cycle.phases[id]!;
    if (p.status === "open" || p.status === "submitted" || p.status === "changes_requested") return id;
    if (p.status === "approved") last = id;
  }
  return last;
}
