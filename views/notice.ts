/** A one-section message: confirmations and short answers. */
import type { Message } from "./message.ts";
import { mrkdwnToPlain, truncate } from "./text.ts";

export function notice(text: string): Message {
  return {
    text: truncate(mrkdwnToPlain(text), 3000),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: truncate(text, 3000) } }],
  };
}
