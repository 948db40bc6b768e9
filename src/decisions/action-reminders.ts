/**
 * Reminders for open action items, like the phases' (pure: items, configuration and the time in):
 * the owner by DM when the item is due today or tomorrow (within 48 h), the owner again every day it is
 * overdue, and the process lead told of overdue items once a day. Each carries a deterministic key —
 * `${teamId}|action|${item}|${kind}|${recipient}|${localDate}` — claimed before sending, so nobody gets
 * the same reminder twice on one day however many replicas run the job.
 */
import { localDateKey } from "../schedule/local-time.ts";
import { processLeadOf, type TeamConfig } from "../team/team-config.ts";
import { addDays } from "../time/dates.ts";
import { daysOverdue, type LoggedItem } from "./item.ts";

export type ActionReminderKind = "action_due_soon" | "action_overdue" | "action_escalation";

export interface ActionReminder {
  kind: ActionReminderKind;
  item: LoggedItem;
  to: string;
  overdueDays: number;
  key: string;
}

export function actionRemindersFor(
  items: readonly LoggedItem[],
  cfg: TeamConfig,
  now: Date,
): ActionReminder[] {
  const today = localDateKey(now, cfg.timezone);
  const tomorrow = addDays(today, 1);
  const lead = processLeadOf(cfg);
  const out: ActionReminder[] = [];
  const add = (kind: ActionReminderKind, item: LoggedItem, to: string) =>
    out.push({
      kind,
      item,
      to,
      overdueDays: daysOverdue(item, today),
      key: `${item.teamId}|action|${item.id}|${kind}|${to}|${today}`,
    });
  for (const item of items) {
    if (item.kind !== "action" || item.status !== "open" || !item.owner || !item.dueDate) continue;
    if (item.dueDate < today) {
      add("action_overdue", item, item.owner);
      if (lead !== item.owner) add("action_escalation", item, lead);
    } else if (item.dueDate <= tomorrow) add("action_due_soon", item, item.owner);
  }
  return out;
}
