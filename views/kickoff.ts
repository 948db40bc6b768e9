/** The message in the S&OP channel when an admin starts a month's cycle. */

import type { CycleState } from "../src/cycle/cycle-state.ts";
import { formatDay } from "../src/cycle/people.ts";
import type { CycleReport } from "../src/cycle/status-report.ts";
import type { Message } from "./message.ts";
import { escapeMrkdwn, mentionList, truncate, userRef } from "./text.ts";

export function kickoffMessage(cycle: CycleState, report: CycleReport): Message {
  const tz = cycle.timezone;
  const lines = report.phases.map(
    (p) =>
      `${p.position}. *${escapeMrkdwn(p.name)}* (\`${p.id}\`) — due ${formatDay(p.dueAt, tz)} · owner ${mentionList(p.owners, "nobody", 3)} · approver ${mentionList(p.approvers, "nobody", 3)}`,
  );
  const first = report.phases[0]!;
  return {
    text: `S&OP cycle ${cycle.period} has started. First up: ${first.name}.`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: `S&OP cycle ${cycle.period} has started` } },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `${userRef(cycle.startedBy)} opened the cycle. *${escapeMrkdwn(first.name)}* is open now; each phase opens when the one before it is approved.`,
        },
      },
      { type: "section", text: { type: "mrkdwn", text: truncate(lines.join("\n"), 3000) } },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: `Owners submit with \`/sop submit PHASE\` · \`/sop status ${cycle.period}\` shows where we are · due dates are the end of the day in ${tz}`,
          },
        ],
      },
    ],
  };
}
