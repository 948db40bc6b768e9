/**
 * Decisions and action items in Slack: the log message posted to the S&OP channel (with Close for an
 * open action item, its owner's only), the owner's DM, reminders, and the open items section of
 * `/sop status`, the App Home and the digest — a few lines and a count, whatever the number.
 */
import type { Button } from "@slack/types";
import { formatWhen } from "../src/cycle/people.ts";
import type { ActionReminder } from "../src/decisions/action-reminders.ts";
import { daysOverdue, type LoggedItem } from "../src/decisions/item.ts";
import { formatQuantity, plural } from "../src/format/numbers.ts";
import { ITEM_IDS } from "./item-ids.ts";
import type { KnownBlock, Message } from "./message.ts";
import { escapeMrkdwn, truncate, userRef } from "./text.ts";

export const OPEN_ITEMS_SHOWN = 5;

const quote = (text: string, max = 2500) => `>${escapeMrkdwn(truncate(text, max)).replace(/\n/g, "\n>")}`;
const phaseOf = (i: LoggedItem) => (i.phaseName ? `${escapeMrkdwn(i.phaseName)} · ` : "");
const link = (i: LoggedItem) => (i.permalink ? ` · <${i.permalink}|source>` : "");

function headline(i: LoggedItem): string {
  if (i.kind === "decision")
    return `:pushpin: *Decision* logged by ${userRef(i.createdBy)} (${phaseOf(i)}cycle ${i.period})`;
  const owner = i.owner ? userRef(i.owner) : "nobody";
  return `:ballot_box_with_check: *Action item* for ${owner}, due *${i.dueDate ?? "–"}* — logged by ${userRef(i.createdBy)} (${phaseOf(i)}cycle ${i.period})`;
}

export function closeButton(i: LoggedItem): Button {
  return {
    type: "button",
    action_id: ITEM_IDS.close,
    text: { type: "plain_text", text: "Close action item" },
    style: "primary",
    value: i.id,
  };
}

/** The log message; once the action is closed, rebuilt without the button. */
export function itemLogMessage(i: LoggedItem, timezone: string): Message {
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: truncate(`${headline(i)}\n${quote(i.text)}`, 3000) } },
  ];
  if (i.kind === "action" && i.status === "open")
    blocks.push({ type: "actions", block_id: "item_close", elements: [closeButton(i)] });
  else if (i.kind === "action" && i.closedAt)
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `:white_check_mark: Closed by ${i.closedBy ? userRef(i.closedBy) : "its owner"} on ${formatWhen(i.closedAt, timezone)}`,
        },
      ],
    });
  blocks.push({
    type: "context",
    elements: [
      {
        type: "mrkdwn",
        text: `In the S&OP report's decision and action log${link(i)}${i.kind === "action" ? " · only the owner can close it" : ""}`,
      },
    ],
  });
  const state = i.kind === "action" ? (i.status === "open" ? "open" : "closed") : "on record";
  return {
    text: `${i.kind === "decision" ? "Decision" : "Action item"} (${state}): ${truncate(i.text, 200)}`,
    blocks,
  };
}

/** The owner's DM when an action item is given to them. */
export function actionAssignedDm(i: LoggedItem, logLink: string | null): Message {
  const text = `:ballot_box_with_check: ${userRef(i.createdBy)} gave you an action item for the ${i.period} S&OP cycle, due *${i.dueDate}*:\n${quote(i.text)}\nClose it with the button when it is done${logLink ? ` (<${logLink}|log message>)` : ""}.`;
  return {
    text: `Action item for you, due ${i.dueDate}: ${truncate(i.text, 200)}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: truncate(text, 3000) } },
      { type: "actions", block_id: "item_close", elements: [closeButton(i)] },
    ],
  };
}

export function actionReminderMessage(r: ActionReminder): Message {
  const i = r.item;
  const what = quote(i.text, 600);
  const text =
    r.kind === "action_due_soon"
      ? `:alarm_clock: Your action item for the ${i.period} cycle is due *${i.dueDate}*:\n${what}`
      : r.kind === "action_overdue"
        ? `:warning: Your action item for the ${i.period} cycle is *${plural(r.overdueDays, "day")} overdue* (due ${i.dueDate}):\n${what}`
        : `:warning: An action item of ${i.owner ? userRef(i.owner) : "nobody"} for the ${i.period} cycle is *${plural(r.overdueDays, "day")} overdue* (due ${i.dueDate}):\n${what}`;
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: truncate(text, 3000) } }];
  if (r.kind !== "action_escalation")
    blocks.push({ type: "actions", block_id: "item_close", elements: [closeButton(i)] });
  return { text: `Action item due ${i.dueDate}: ${truncate(i.text, 200)}`, blocks };
}

/** Open action items as a short list (the first few by due date, then a count); [] when none. */
export function openItemsBlocks(
  items: readonly LoggedItem[],
  today: string,
  title = "Open action items",
): KnownBlock[] {
  const open = items
    .filter((i) => i.kind === "action" && i.status === "open")
    .sort((a, b) => ((a.dueDate ?? "9999") < (b.dueDate ?? "9999") ? -1 : 1));
  if (!open.length) return [];
  const lines = open.slice(0, OPEN_ITEMS_SHOWN).map((i) => {
    const late = daysOverdue(i, today);
    return `• ${escapeMrkdwn(truncate(i.text.replace(/\s+/g, " "), 120))} — ${i.owner ? userRef(i.owner) : "nobody"}, due ${i.dueDate ?? "–"}${late ? ` · :warning: *${plural(late, "day")} overdue*` : ""}${link(i)}`;
  });
  if (open.length > OPEN_ITEMS_SHOWN) lines.push(`…and ${plural(open.length - OPEN_ITEMS_SHOWN, "more")}`);
  return [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(`*${title}* (${formatQuantity(open.length)}):\n${lines.join("\n")}`, 3000),
      },
    },
  ];
}
