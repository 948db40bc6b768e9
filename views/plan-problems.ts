/** Every problem of a rejected plan, packed into sections (the modal only has room for the first few). */
import type { KnownBlock, Message } from "./message.ts";
import { truncate } from "./text.ts";

const MAX_SECTIONS = 45;

export function planProblemsMessage(title: string, problems: string[]): Message {
  const sections: string[] = [];
  let chunk = "";
  let listed = 0;
  for (const p of problems) {
    const line = `• ${truncate(p, 500)}`;
    if (chunk && chunk.length + line.length + 1 > 2900) {
      sections.push(chunk);
      chunk = "";
    }
    if (sections.length >= MAX_SECTIONS) break;
    chunk = chunk ? `${chunk}\n${line}` : line;
    listed += 1;
  }
  if (chunk) sections.push(chunk);
  const more = problems.length - listed;
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `:warning: ${truncate(title, 2900)}` } },
  ];
  for (const s of sections) blocks.push({ type: "section", text: { type: "mrkdwn", text: s } });
  if (more > 0) {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: `…and ${more} more problems; fix these first and submit again.` }],
    });
  }
  return { text: `${title} (${problems.length} problems)`, blocks };
}
