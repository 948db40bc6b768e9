/** `/sop status`: the cycle's phases with state, people, due dates, lateness, and what is blocking. */

import { formatDay, formatWhen } from "../src/cycle/people.ts";
import { STATUS_LABEL } from "../src/cycle/phase-status-text.ts";
import type { CycleReport, PhaseReport } from "../src/cycle/status-report.ts";
import { plural } from "../src/format/numbers.ts";
import { STATUS_EMOJI } from "./cycle-text.ts";
import type { KnownBlock, Message } from "./message.ts";
import { escapeMrkdwn, mentionList, truncate, userRef } from "./text.ts";

const people = (ids: string[]) => mentionList(ids, "_nobody_");

function phaseLine(p: PhaseReport, tz: string): string {
  const version =
    p.status === "approved" && p.approvedVersion
      ? ` v${p.approvedVersion}`
      : p.version > 0 && p.status !== "open"
        ? ` v${p.version}`
        : "";
  const late = p.overdueDays > 0 ? ` · :warning: *${plural(p.overdueDays, "day")} overdue*` : "";
  const lines = [
    `${STATUS_EMOJI[p.status]} *${p.position}. ${escapeMrkdwn(p.name)}*${version} — ${STATUS_LABEL[p.status]}`,
    `Owner ${people(p.owners)} · Approver ${people(p.approvers)} · due ${formatDay(p.dueAt, tz)}${late}`,
  ];
  if (p.status === "changes_requested" && p.comment) {
    lines.push(`> ${escapeMrkdwn(truncate(p.comment.replace(/\s+/g, " "), 300))}`);
  }
  return lines.join("\n");
}

export function blockingText(r: CycleReport): string {
  if (r.status === "closed") {
    return `:tada: *Cycle closed*${r.closedAt ? ` on ${formatWhen(r.closedAt, r.timezone)}` : ""}: every phase is approved.`;
  }
  const b = r.blocking;
  if (!b) return "Nothing is blocking.";
  const what = b.waitingOn === "owners" ? "to submit" : "to sign off";
  const late = b.overdueDays > 0 ? ` — :warning: ${plural(b.overdueDays, "day")} overdue` : "";
  return `:construction: *Blocking:* ${escapeMrkdwn(b.name)} — waiting for ${people(b.people)} ${what}${late}`;
}

export function statusMessage(r: CycleReport): Message {
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: `S&OP cycle ${r.period}` } },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `${r.status === "closed" ? "Closed" : "Open"} · started by ${userRef(r.startedBy)} on ${formatWhen(r.startedAt, r.timezone)} · times in ${r.timezone}`,
        },
      ],
    },
    { type: "section", text: { type: "mrkdwn", text: truncate(blockingText(r), 3000) } },
    { type: "divider" },
  ];
  // One section per phase; a very long template is grouped so the message stays within 50 blocks.
  const lines = r.phases.map((p) => phaseLine(p, r.timezone));
  const perSection = Math.max(1, Math.ceil(lines.length / 40));
  for (let i = 0; i < lines.length; i += perSection) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: truncate(lines.slice(i, i + perSection).join("\n\n"), 3000) },
    });
  }
  blocks.push({
    type: "context",
    elements: [{ type: "mrkdwn", text: `\`/sop history ${r.period}\` shows every transition.` }],
  });
  const overdue = r.overdue.length ? `, ${r.overdue.length} overdue` : "";
  const summary =
    r.status === "closed"
      ? `S&OP cycle ${r.period}: closed`
      : `S&OP cycle ${r.period}: ${r.blocking ? `waiting on ${r.blocking.name}` : "open"}${overdue}`;
  return { text: summary, blocks };
}

export function noCycleMessage(period: string, started: string[]): Message {
  const others = started.length
    ? ` Started cycles nearby: ${started.map((p) => `\`/sop status ${p}\``).join(", ")}.`
    : "";
  return {
    text: `No S&OP cycle for ${period} yet.`,
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `There is no S&OP cycle for *${period}* yet. An admin starts it with \`/sop start ${period}\`.${others}`,
        },
      },
    ],
  };
}
