/** Direct messages about a phase: it is your turn, your plan was decided, your sign-off is needed; and the close. */
import type { ActionsBlock } from "@slack/types";
import type { CycleState, PhaseState } from "../src/cycle/cycle-state.ts";
import { formatDay, formatWhen } from "../src/cycle/people.ts";
import { baselineButtonFor } from "./baseline-button.ts";
import { CYCLE_ACTIONS, encodePhaseRef } from "./cycle-ids.ts";
import type { Message } from "./message.ts";
import { escapeMrkdwn, mentionList, truncate, userRef } from "./text.ts";

function submitButton(cycle: CycleState, phase: PhaseState, label: string): ActionsBlock {
  return {
    type: "actions",
    block_id: "phase_dm",
    elements: [
      {
        type: "button",
        action_id: CYCLE_ACTIONS.openSubmit,
        text: { type: "plain_text", text: label },
        style: "primary",
        value: encodePhaseRef({ period: cycle.period, phase: phase.id }),
      },
    ],
  };
}

const quote = (text: string) => `>${escapeMrkdwn(truncate(text, 1500)).replace(/\n/g, "\n>")}`;

export function phaseOpenedDm(cycle: CycleState, phase: PhaseState, after: PhaseState | null): Message {
  const why = after ? `${escapeMrkdwn(after.name)} was approved, so ` : "";
  return {
    text: `Your turn: ${phase.name} for ${cycle.period} is open, due ${formatDay(phase.dueAt, cycle.timezone)}.`,
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `:large_blue_circle: *Your turn.* ${why}*${escapeMrkdwn(phase.name)}* for the ${cycle.period} cycle is open. Due *${formatDay(phase.dueAt, cycle.timezone)}*.`,
        },
      },
      submitButton(cycle, phase, "Submit plan"),
      ...baselineButtonFor(phase.id, cycle.period),
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: `or type \`/sop submit ${phase.id}\` · \`/sop status\` shows the whole cycle`,
          },
        ],
      },
    ],
  };
}

export function decisionDm(
  cycle: CycleState,
  phase: PhaseState,
  d: { action: "approve" | "request_changes"; by: string; at: Date; version: number; comment: string | null },
): Message {
  const when = formatWhen(d.at, cycle.timezone);
  if (d.action === "approve") {
    return {
      text: `${phase.name} v${d.version} for ${cycle.period} was approved.`,
      blocks: [
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: `:white_check_mark: ${userRef(d.by)} *approved* v${d.version} of *${escapeMrkdwn(phase.name)}* for ${cycle.period} on ${when}.`,
          },
        },
      ],
    };
  }
  return {
    text: `Changes requested on ${phase.name} v${d.version} for ${cycle.period}.`,
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `:leftwards_arrow_with_hook: ${userRef(d.by)} *requested changes* to v${d.version} of *${escapeMrkdwn(phase.name)}* for ${cycle.period} on ${when}:\n${quote(d.comment ?? "")}`,
        },
      },
      submitButton(cycle, phase, "Submit a new version"),
      ...baselineButtonFor(phase.id, cycle.period),
    ],
  };
}

export function signoffNeededDm(
  cycle: CycleState,
  phase: PhaseState,
  v: { version: number; submittedBy: string; permalink: string | null },
): Message {
  const link = v.permalink
    ? `<${v.permalink}|Open the sign-off request>`
    : "The sign-off request is in your App Home";
  return {
    text: `Your sign-off is needed: ${phase.name} v${v.version} for ${cycle.period}.`,
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `:hourglass_flowing_sand: ${userRef(v.submittedBy)} submitted v${v.version} of *${escapeMrkdwn(phase.name)}* for ${cycle.period}. Your sign-off is needed by *${formatDay(phase.dueAt, cycle.timezone)}*.\n${link}.`,
        },
      },
    ],
  };
}

export function cycleClosedMessage(cycle: CycleState, by: string): Message {
  return {
    text: `S&OP cycle ${cycle.period} is closed: every phase is approved.`,
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `:tada: *S&OP cycle ${cycle.period} is closed.* All ${cycle.order.length} phases are approved; ${userRef(by)} signed off the last one on ${formatWhen(cycle.closedAt ?? new Date(), cycle.timezone)}.`,
        },
      },
    ],
  };
}

/** A short note in the channel when the next phase opens, so the room sees progress. */
export function phaseOpenedNote(cycle: CycleState, phase: PhaseState, owners: string[]): Message {
  return {
    text: `${phase.name} for ${cycle.period} is open.`,
    blocks: [
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: `:large_blue_circle: *${escapeMrkdwn(phase.name)}* is open now — ${mentionList(owners)}, over to you (due ${formatDay(phase.dueAt, cycle.timezone)}).`,
          },
        ],
      },
    ],
  };
}
