/** App Home: the action items this person owns that are still open, each with its Close button. */
import { daysOverdue } from "../../src/decisions/item.ts";
import { formatQuantity, plural } from "../../src/format/numbers.ts";
import { openActionItems } from "../../src/store/decision-items.ts";
import { localDateOf } from "../../src/time/dates.ts";
import { closeButton, OPEN_ITEMS_SHOWN } from "../../views/item-log.ts";
import type { KnownBlock } from "../../views/message.ts";
import { escapeMrkdwn, truncate } from "../../views/text.ts";
import { addHomeSection, type HomeSection } from "../events/app-home.ts";

const yourActions: HomeSection = async ({ teamId, userId, cfg, now }) => {
  const mine = (await openActionItems(teamId))
    .filter((i) => i.owner === userId)
    .sort((a, b) => ((a.dueDate ?? "9999") < (b.dueDate ?? "9999") ? -1 : 1));
  if (!mine.length) return [];
  const today = localDateOf(now, cfg.timezone);
  const blocks: KnownBlock[] = [
    { type: "divider" },
    {
      type: "section",
      text: { type: "mrkdwn", text: `*Your open action items* (${formatQuantity(mine.length)})` },
    },
  ];
  for (const i of mine.slice(0, OPEN_ITEMS_SHOWN)) {
    const late = daysOverdue(i, today);
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(
          `${escapeMrkdwn(truncate(i.text.replace(/\s+/g, " "), 200))}\n_${i.period} · due ${i.dueDate}${late ? ` · :warning: ${plural(late, "day")} overdue` : ""}_`,
          3000,
        ),
      },
      accessory: { ...closeButton(i), text: { type: "plain_text", text: "Close" } },
    });
  }
  if (mine.length > OPEN_ITEMS_SHOWN)
    blocks.push({
      type: "context",
      elements: [
        { type: "mrkdwn", text: `…and ${plural(mine.length - OPEN_ITEMS_SHOWN, "more")} (\`/sop status\`)` },
      ],
    });
  return blocks;
};

export function register(): void {
  addHomeSection(yourActions);
}
