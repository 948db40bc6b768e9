/** The ephemeral message a user sees when their request could not be done. */
import type { KnownBlock, Message } from "./message.ts";
import { truncate } from "./text.ts";

const MAX_DETAILS = 20;

export function errorMessage(message: string, details: string[] = []): Message {
  const shown = details.slice(0, MAX_DETAILS);
  const more = details.length - shown.length;
  const detailText = shown.map((d) => `• ${d}`).join("\n") + (more > 0 ? `\n…and ${more} more` : "");
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: truncate(`:warning: ${message}`, 3000) } },
  ];
  if (detailText)
    blocks.push({ type: "section", text: { type: "mrkdwn", text: truncate(detailText, 3000) } });
  return {
    text: truncate(
      `${message}${details.length ? ` (${details.length} problem${details.length > 1 ? "s" : ""})` : ""}`,
      3000,
    ),
    blocks,
  };
}
