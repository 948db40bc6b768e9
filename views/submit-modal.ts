/** The modal where a phase owner pastes or uploads a plan CSV, with a comment. */

import type { ModalView } from "@slack/types";
import type { CycleState, PhaseState } from "../src/cycle/cycle-state.ts";
import { formatDay } from "../src/cycle/people.ts";
import { STATUS_LABEL } from "../src/cycle/phase-status-text.ts";
import {
  BASE_SCENARIO,
  cycleScenarioNames,
  hasScenarios,
  MAX_SCENARIOS,
  phaseScenarios,
} from "../src/cycle/scenarios.ts";
import { plural } from "../src/format/numbers.ts";
import { CYCLE_VIEWS, encodeSubmitMeta, SUBMIT_INPUTS } from "./cycle-ids.ts";
import type { KnownBlock } from "./message.ts";
import { escapeMrkdwn, truncate, userRef } from "./text.ts";

export interface SubmitModalInput {
  cycle: CycleState;
  phase: PhaseState;
  header: string;
  horizon: { from: string; to: string };
}

/** Supply and finance plans may be named alternatives (scenarios): a name field with the ones so far. */
function scenarioInput(cycle: CycleState, phase: PhaseState): KnownBlock[] {
  if (!hasScenarios(phase)) return [];
  const mine = phaseScenarios(phase);
  const all = cycleScenarioNames(cycle);
  const sofar = mine.length
    ? `So far: ${mine.map(([n, v]) => `${n} v${v}`).join(", ")}. `
    : all.length
      ? `The cycle's scenarios: ${all.join(", ")}. `
      : "";
  return [
    {
      type: "input",
      block_id: SUBMIT_INPUTS.scenario.block,
      optional: true,
      label: { type: "plain_text", text: "Scenario" },
      hint: {
        type: "plain_text",
        text: truncate(
          `${sofar}Empty = ${BASE_SCENARIO}. A new name adds an alternative (up to ${MAX_SCENARIOS} per cycle, e.g. overtime); an existing name replaces that version.`,
          2000,
        ),
      },
      element: {
        type: "plain_text_input",
        action_id: SUBMIT_INPUTS.scenario.action,
        max_length: 30,
        placeholder: { type: "plain_text", text: BASE_SCENARIO },
      },
    },
  ];
}

export function submitPlanModal({ cycle, phase, header, horizon }: SubmitModalInput): ModalView {
  const tz = cycle.timezone;
  const current =
    phase.version === 0
      ? "No plan submitted yet."
      : `Current: v${phase.version} — ${STATUS_LABEL[phase.status]}${phase.decidedBy && phase.status === "changes_requested" ? ` by ${userRef(phase.decidedBy)}` : ""}.`;
  const ask =
    phase.status === "changes_requested" && phase.comment
      ? `\n>${escapeMrkdwn(truncate(phase.comment, 600)).replace(/\n/g, "\n>")}`
      : "";
  return {
    type: "modal",
    callback_id: CYCLE_VIEWS.submitPlan,
    title: { type: "plain_text", text: "Submit plan" },
    submit: { type: "plain_text", text: "Submit" },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: encodeSubmitMeta({ period: cycle.period, phase: phase.id, version: phase.version }),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: truncate(
            `*${escapeMrkdwn(phase.name)}* · cycle ${cycle.period} · due ${formatDay(phase.dueAt, tz)}\n${current}${ask}`,
            3000,
          ),
        },
      },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: `CSV with the header \`${header}\`, one line per family and month, months ${horizon.from} … ${horizon.to}. Paste it below (small plans) or upload a .csv or Excel .xlsx file (first sheet, header in row 1) — not both.`,
          },
        ],
      },
      {
        type: "input",
        block_id: SUBMIT_INPUTS.csv.block,
        optional: true,
        label: { type: "plain_text", text: "Paste CSV" },
        element: {
          type: "plain_text_input",
          action_id: SUBMIT_INPUTS.csv.action,
          multiline: true,
          max_length: 3000,
          placeholder: { type: "plain_text", text: `${header.replace(/\[|\]/g, "")}` },
        },
      },
      {
        type: "input",
        block_id: SUBMIT_INPUTS.file.block,
        optional: true,
        label: { type: "plain_text", text: "…or upload a CSV or Excel (.xlsx) file" },
        element: {
          type: "file_input",
          action_id: SUBMIT_INPUTS.file.action,
          filetypes: ["csv", "txt", "xlsx"],
          max_files: 1,
        },
      },
      ...scenarioInput(cycle, phase),
      {
        type: "input",
        block_id: SUBMIT_INPUTS.comment.block,
        optional: true,
        label: { type: "plain_text", text: "Comment for the approvers" },
        element: {
          type: "plain_text_input",
          action_id: SUBMIT_INPUTS.comment.action,
          multiline: true,
          max_length: 2000,
        },
      },
    ],
  };
}

/** Shown while an uploaded file is fetched, checked and stored after the ack (Slack allows 3 s for the ack). */
export function planProcessingModal(r: { phase: string; period: string }): ModalView {
  return {
    type: "modal",
    callback_id: "sop_submit_plan_progress",
    title: { type: "plain_text", text: "Submit plan" },
    close: { type: "plain_text", text: "Close" },
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `:hourglass_flowing_sand: Checking and storing your file for \`${truncate(r.phase, 60)}\`, ${r.period}…\nThis window shows the result when it is done; it also comes to you by DM, so you can close it.`,
        },
      },
    ],
  };
}

/** The outcome of an upload, replacing the progress window. */
export function planResultModal(
  r:
    | {
        ok: true;
        phaseName: string;
        period: string;
        version: number;
        rows: number;
        families: number;
        channel: string;
      }
    | { ok: false; message: string; problems: string[] },
): ModalView {
  const blocks: KnownBlock[] = [];
  if (r.ok) {
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: `:inbox_tray: Stored *v${r.version}* of *${escapeMrkdwn(r.phaseName)}* for ${r.period}: ${plural(r.rows, "line")}, ${plural(r.families, "family", "families")}. The sign-off request is in <#${r.channel}>.`,
      },
    });
  } else {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: `:warning: ${truncate(escapeMrkdwn(r.message), 2900)}` },
    });
    const shown = r.problems.slice(0, 40);
    if (shown.length) {
      blocks.push({
        type: "section",
        text: {
          type: "mrkdwn",
          text: truncate(shown.map((p) => `• ${escapeMrkdwn(truncate(p, 300))}`).join("\n"), 2900),
        },
      });
    }
    if (r.problems.length > shown.length) {
      blocks.push({
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: `…and ${r.problems.length - shown.length} more: the full list is in your DMs.`,
          },
        ],
      });
    }
    blocks.push({
      type: "context",
      elements: [
        { type: "mrkdwn", text: "Nothing was stored. Fix the file and submit again with `/sop submit`." },
      ],
    });
  }
  return {
    type: "modal",
    callback_id: "sop_submit_plan_result",
    title: { type: "plain_text", text: r.ok ? "Plan stored" : "Plan not accepted" },
    close: { type: "plain_text", text: "Close" },
    blocks,
  };
}
