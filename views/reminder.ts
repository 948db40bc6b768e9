/** Reminder and escalation messages (DMs to owners, approvers and the process lead; the S&OP channel post). */

import { formatDay } from "../src/cycle/people.ts";
import type { Reminder } from "../src/schedule/reminder-rules.ts";
import type { Message } from "./message.ts";
import { channelRef, escapeMrkdwn, mentionList, truncate } from "./text.ts";

const people = (ids: string[]) => mentionList(ids, "nobody (no one is assigned)");

function inTime(hoursLeft: number): string {
  if (hoursLeft < 1) return "in less than an hour";
  if (hoursLeft < 24) return `in ${hoursLeft} hour${hoursLeft === 1 ? "" : "s"}`;
  const days = Math.round(hoursLeft / 24);
  return `in about ${days} day${days === 1 ? "" : "s"}`;
}

const late = (days: number) => `${days} day${days === 1 ? "" : "s"} overdue`;

export function reminderMessage(r: Reminder, ctx: { timezone: string; sopChannel: string }): Message {
  const name = `*${escapeMrkdwn(r.phaseName)}* (${r.period})`;
  const due = formatDay(r.dueAt, ctx.timezone);
  let body: string;
  let text: string;
  switch (r.kind) {
    case "due_soon":
      text = `Reminder: ${r.phaseName} (${r.period}) is due ${due}.`;
      body =
        `:alarm_clock: ${name} is due *${due}* — ${inTime(r.hoursLeft)}.` +
        (r.status === "changes_requested" ? " Changes were requested on your last version." : "") +
        `\nSubmit your plan with \`/sop submit ${r.phase}\`.`;
      break;
    case "overdue":
      text = `Overdue: ${r.phaseName} (${r.period}) was due ${due}.`;
      body =
        `:warning: ${name} was due *${due}* and is now *${late(r.overdueDays)}*.` +
        `\nSubmit your plan with \`/sop submit ${r.phase}\`; the process lead has been told.`;
      break;
    case "signoff_pending":
      text = `Sign-off waiting: ${r.phaseName} (${r.period}) version ${r.version}.`;
      body =
        `:inbox_tray: ${name}, version ${r.version}, is waiting for your sign-off` +
        (r.overdueDays > 0 ? ` — *${late(r.overdueDays)}*` : ` (due *${due}*)`) +
        `.\nApprove or request changes on the sign-off message in ${channelRef(ctx.sopChannel)}.`;
      break;
    case "escalation": {
      const action =
        r.waitingOn === "approvers"
          ? `sign-off by ${people(r.people)}`
          : `a submission from ${people(r.people)}`;
      text = `Escalation: ${r.phaseName} (${r.period}) is ${late(r.overdueDays)}.`;
      body = `:rotating_light: ${name} is *${late(r.overdueDays)}* (due ${due}). It is waiting for ${action}.`;
      break;
    }
  }
  return {
    text: truncate(text, 3000),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: truncate(body, 3000) } },
      {
        type: "context",
        elements: [
          { type: "mrkdwn", text: "S&OP bot · daily reminder · `/sop status` shows the whole cycle" },
        ],
      },
    ],
  };
}
