/**
 * The "Generate statistical baseline" button for the data phase (kickoff / owner DM) and the
 * ephemeral answer the clicking owner gets. The button carries only the cycle period; the server
 * re-checks everything (team from the payload, owner, phase state).
 */

import type { Button } from "@slack/types";
import { BASELINE_PHASE_ID } from "../src/forecast/baseline-plan.ts";
import { formatQuantity } from "../src/format/numbers.ts";
import type { KnownBlock, Message } from "./message.ts";
import { escapeMrkdwn, truncate } from "./text.ts";

export const GENERATE_BASELINE_ACTION = "sop_generate_baseline";

export function encodeBaselineRef(period: string): string {
  return JSON.stringify({ p: period });
}

/** The period a button value names; null for anything malformed (it comes from the client). */
export function decodeBaselineRef(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 100) return null;
  try {
    const o = JSON.parse(value) as { p?: unknown };
    return typeof o.p === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(o.p) ? o.p : null;
  } catch {
    return null;
  }
}

/** The button element, to put in an existing actions block. */
export function baselineButtonElement(period: string): Button {
  return {
    type: "button",
    action_id: GENERATE_BASELINE_ACTION,
    text: { type: "plain_text", text: "Generate statistical baseline" },
    value: encodeBaselineRef(period),
  };
}

/** An actions block with the button and a line saying what it does. */
export function baselineButtonBlocks(period: string): KnownBlock[] {
  return [
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `Demand actuals loaded? The bot can forecast every family from its history and submit the result as the data phase's plan for ${period}.`,
        },
      ],
    },
    { type: "actions", block_id: `baseline_${period}`, elements: [baselineButtonElement(period)] },
  ];
}

export interface BaselineResultView {
  period: string;
  version: number;
  families: number;
  lines: number;
  total: number;
  skipped: string[];
  historyFrom: string | null;
  historyTo: string;
  horizon: number;
  /** Decimals of the plan's quantities (the total is shown with them). */
  precision?: number;
}

/** The ephemeral answer to the owner who clicked. */
export function baselineResultMessage(r: BaselineResultView): Message {
  const text = `Statistical baseline submitted as data v${r.version} for ${r.period}: ${r.families} famil${r.families === 1 ? "y" : "ies"}, ${r.horizon} months, total ${formatQuantity(r.total, r.precision ?? 0)}.`;
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `:crystal_ball: *${text}*\nForecast from demand actuals ${r.historyFrom ?? "–"} to ${r.historyTo} (${r.lines} plan lines). It now waits for sign-off like any submitted plan.`,
      },
    },
  ];
  if (r.skipped.length) {
    const shown = r.skipped.slice(0, 15).map((f) => escapeMrkdwn(truncate(f, 40)));
    const more = r.skipped.length - shown.length;
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: truncate(
            `No demand history, left out: ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`,
            2900,
          ),
        },
      ],
    });
  }
  return { text, blocks };
}

/** The button blocks for a phase's DM: only the data phase (the baseline's phase) gets them. */
export function baselineButtonFor(phaseId: string, period: string): KnownBlock[] {
  return phaseId === BASELINE_PHASE_ID ? baselineButtonBlocks(period) : [];
}
