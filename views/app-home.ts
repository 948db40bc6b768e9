/**
 * The App Home tab: what this person owes (plans to submit, sign-offs to give, with the buttons to do it)
 * and the nearby cycles at a glance. Other features append their own sections through `extraBlocks`
 * (e.g. the executive dashboard); the whole view is kept within Slack's 100 blocks.
 */
import type { HomeView } from "@slack/types";
import type { OpenTask } from "../src/cycle/open-tasks.ts";
import { formatDay } from "../src/cycle/people.ts";
import type { CycleReport } from "../src/cycle/status-report.ts";
import { plural } from "../src/format/numbers.ts";
import { CYCLE_ACTIONS, encodePhaseRef } from "./cycle-ids.ts";
import { STATUS_EMOJI } from "./cycle-text.ts";
import type { KnownBlock } from "./message.ts";
import { signoffButtons } from "./signoff-request.ts";
import { blockingText } from "./status.ts";
import { escapeMrkdwn, truncate } from "./text.ts";

export interface AppHomeInput {
  userId: string;
  tasks: OpenTask[];
  /** Started cycles near the current month, oldest first. */
  cycles: CycleReport[];
  timezone: string;
  /** True when the workspace has no S&OP configuration yet. */
  unconfigured?: boolean;
  /** Appended after the cycle sections (at most 100 minus what the cycle part uses). */
  extraBlocks?: KnownBlock[];
}

export const HOME_MAX_BLOCKS = 100;

function taskBlocks(t: OpenTask, tz: string): KnownBlock[] {
  const late = t.overdueDays > 0 ? ` · :warning: ${plural(t.overdueDays, "day")} overdue` : "";
  if (t.kind === "submit") {
    const again = t.status === "changes_requested";
    const text = `${STATUS_EMOJI[t.status]} *Submit ${escapeMrkdwn(t.phaseName)}* · ${t.period} · due ${formatDay(t.dueAt, tz)}${late}${again && t.comment ? `\n>${escapeMrkdwn(truncate(t.comment.replace(/\s+/g, " "), 300))}` : ""}`;
    return [
      {
        type: "section",
        text: { type: "mrkdwn", text },
        accessory: {
          type: "button",
          action_id: CYCLE_ACTIONS.openSubmit,
          text: { type: "plain_text", text: again ? "Submit new version" : "Submit plan" },
          value: encodePhaseRef({ period: t.period, phase: t.phase }),
        },
      },
    ];
  }
  const ref = { period: t.period, phase: t.phase, version: t.version };
  return [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `${STATUS_EMOJI.submitted} *Sign off ${escapeMrkdwn(t.phaseName)} v${t.version}* · ${t.period} · due ${formatDay(t.dueAt, tz)}${late}`,
      },
    },
    {
      type: "actions",
      block_id: `home_signoff_${t.period}_${t.phase}`.slice(0, 255),
      elements: signoffButtons(ref),
    },
  ];
}

function cycleBlocks(r: CycleReport): KnownBlock[] {
  const strip = r.phases
    .map((p) => `${STATUS_EMOJI[p.status]} ${escapeMrkdwn(truncate(p.name, 30))}`)
    .join("  ");
  return [
    { type: "section", text: { type: "mrkdwn", text: truncate(`*${r.period}* — ${blockingText(r)}`, 3000) } },
    { type: "context", elements: [{ type: "mrkdwn", text: truncate(strip, 3000) }] },
  ];
}

export function appHomeView(input: AppHomeInput): HomeView {
  const extra = input.extraBlocks ?? [];
  const budget = HOME_MAX_BLOCKS - extra.length;
  const blocks: KnownBlock[] = [{ type: "header", text: { type: "plain_text", text: "S&OP" } }];
  if (input.unconfigured) {
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: "This workspace has no S&OP configuration yet. Run `/sop setup` to set channels, phase owners and approvers (the first person to do so becomes admin).",
      },
    });
    return { type: "home", blocks: [...blocks, ...extra].slice(0, HOME_MAX_BLOCKS) };
  }
  blocks.push({ type: "section", text: { type: "mrkdwn", text: "*Your open tasks*" } });
  // Keep room for the cycles part: two blocks per cycle plus its heading and a divider.
  const reserved = 2 + input.cycles.length * 2 + 1;
  const taskBudget = Math.max(2, budget - blocks.length - reserved - 1);
  if (input.tasks.length === 0) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: "Nothing for you right now. :sunny:" } });
  } else {
    let used = 0;
    let shown = 0;
    for (const t of input.tasks) {
      const b = taskBlocks(t, input.timezone);
      if (used + b.length > taskBudget) break;
      blocks.push(...b);
      used += b.length;
      shown += 1;
    }
    if (shown < input.tasks.length) {
      blocks.push({
        type: "context",
        elements: [{ type: "mrkdwn", text: `…and ${input.tasks.length - shown} more: see \`/sop status\`.` }],
      });
    }
  }
  blocks.push({ type: "divider" });
  blocks.push({ type: "section", text: { type: "mrkdwn", text: "*Cycles at a glance*" } });
  if (input.cycles.length === 0) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: "No cycle is running. An admin starts one with `/sop start YYYY-MM`." },
    });
  }
  for (const r of input.cycles) {
    if (blocks.length + 2 > budget) break;
    blocks.push(...cycleBlocks(r));
  }
  return { type: "home", blocks: [...blocks.slice(0, budget), ...extra].slice(0, HOME_MAX_BLOCKS) };
}
