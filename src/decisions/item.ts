/**
 * Decisions and action items logged during a cycle (the S&OP meeting's "action and decision items"):
 * a decision records what was decided; an action item has an owner and a due date and stays open
 * until its owner closes it.
 */
export type ItemKind = "decision" | "action";
export type ItemStatus = "open" | "closed";

export interface LoggedItem {
  /** `${teamId}|${period}|${seq}`-style id, unique per team. */
  id: string;
  teamId: string;
  kind: ItemKind;
  text: string;
  /** The action's owner; for a decision, who it is assigned to, if anyone. */
  owner: string | null;
  /** `YYYY-MM-DD` (the team's calendar); actions only. */
  dueDate: string | null;
  /** The cycle and phase it belongs to. */
  period: string;
  phase: string | null;
  phaseName: string | null;
  /** The message it was logged from, or the log message the bot posted. */
  permalink: string | null;
  createdBy: string;
  createdAt: Date;
  /** Decisions are closed on record; actions open until their owner closes them. */
  status: ItemStatus;
  closedBy: string | null;
  closedAt: Date | null;
}

export const KIND_LABEL: Record<ItemKind, string> = { decision: "Decision", action: "Action item" };

/** Whole days an open action is past its due date on `today` (0 when not due yet, or closed). */
export function daysOverdue(item: LoggedItem, today: string): number {
  if (item.kind !== "action" || item.status !== "open" || !item.dueDate || today <= item.dueDate) return 0;
  return Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${item.dueDate}T00:00:00Z`)) / 86_400_000,
  );
}

/** Open action items first (by due date), then decisions and closed actions, newest first. */
export function logOrder(a: LoggedItem, b: LoggedItem): number {
  const openA = a.kind === "action" && a.status === "open";
  const openB = b.kind === "action" && b.status === "open";
  if (openA !== openB) return openA ? -1 : 1;
  if (openA && openB)
    return (a.dueDate ?? "9999") < (b.dueDate ?? "9999") ? -1 : a.dueDate === b.dueDate ? 0 : 1;
  return b.createdAt.getTime() - a.createdAt.getTime();
}
