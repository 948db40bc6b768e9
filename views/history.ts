/** `/sop history`: the cycle's audit trail, every transition with who, when, from → to, version and comment. */

import type { CycleEvent, CycleState } from "../src/cycle/cycle-state.ts";
import { formatWhen } from "../src/cycle/people.ts";
import { STATUS_WORD } from "../src/cycle/phase-status-text.ts";
import type { KnownBlock, Message } from "./message.ts";
import { escapeMrkdwn, truncate, userRef } from "./text.ts";

const VERB: Record<CycleEvent["action"], string> = {
  start: "started the cycle",
  submit: "submitted",
  approve: "approved",
  request_changes: "requested changes to",
};

export function historyLine(cycle: CycleState, e: CycleEvent): string {
  const phase = cycle.phases[e.phase];
  const name = escapeMrkdwn(phase?.name ?? e.phase);
  const when = formatWhen(e.at, cycle.timezone);
  const subject = e.action === "start" ? "" : ` *${name}*${e.version ? ` v${e.version}` : ""}`;
  let line = `\`${String(e.seq).padStart(2, " ")}\` ${when} — ${userRef(e.by)} ${VERB[e.action]}${subject} _(${STATUS_WORD[e.from]} → ${STATUS_WORD[e.to]})_`;
  if (e.opened) line += ` · ${escapeMrkdwn(cycle.phases[e.opened]?.name ?? e.opened)} opened`;
  if (e.closed) line += " · *cycle closed*";
  if (e.comment) line += `\n>${escapeMrkdwn(truncate(e.comment.replace(/\s+/g, " "), 400))}`;
  return line;
}

/** Lines packed into sections of ≤ 3,000 characters; at most 45 sections (a message holds 50 blocks). */
export function historyMessage(cycle: CycleState): Message {
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: `History of S&OP cycle ${cycle.period}` } },
  ];
  let chunk = "";
  const sections: string[] = [];
  for (const e of cycle.events) {
    const line = historyLine(cycle, e);
    if (chunk && chunk.length + line.length + 1 > 2900) {
      sections.push(chunk);
      chunk = "";
    }
    chunk = chunk ? `${chunk}\n${line}` : truncate(line, 2900);
  }
  if (chunk) sections.push(chunk);
  const shown = sections.slice(-45);
  if (shown.length < sections.length) {
    blocks.push({
      type: "context",
      elements: [
        { type: "mrkdwn", text: `Older events omitted; \`sop status\` on the command line has them all.` },
      ],
    });
  }
  for (const text of shown) blocks.push({ type: "section", text: { type: "mrkdwn", text } });
  blocks.push({
    type: "context",
    elements: [{ type: "mrkdwn", text: `${cycle.events.length} events · times in ${cycle.timezone}` }],
  });
  return { text: `History of S&OP cycle ${cycle.period}: ${cycle.events.length} events`, blocks };
}
