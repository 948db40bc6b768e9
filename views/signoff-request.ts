/**
 * The sign-off request posted to the S&OP channel when a plan is submitted: who, what (a summary bounded
 * in size whatever the plan's size), and Approve / Request changes. Once decided, the same message is
 * rebuilt with the decision instead of the buttons.
 */
import type { Button } from "@slack/types";
import { formatDay, formatWhen } from "../src/cycle/people.ts";
import {
  formatChange,
  formatMoney,
  formatPercent,
  formatQuantity,
  formatSignedMoney,
  plural,
  precisionOf,
} from "../src/format/numbers.ts";
import type { PlanSummary } from "../src/plans/plan-summary.ts";
import { FAMILY_CHANGE_TOLERANCE } from "../src/plans/plan-summary.ts";
import { APPROVE_ACTION_IDS, CYCLE_ACTIONS, type DecisionRef, encodeDecisionRef } from "./cycle-ids.ts";
import type { KnownBlock, Message } from "./message.ts";
import { escapeMrkdwn, mentionList, truncate, userRef } from "./text.ts";

export interface SignoffRequest {
  period: string;
  timezone: string;
  phase: string;
  phaseName: string;
  version: number;
  submittedBy: string;
  submittedAt: Date;
  comment: string | null;
  approvers: string[];
  dueAt: Date;
  summary: PlanSummary;
  /** The team's currency (ISO 4217) for revenue; none: plain numbers. */
  currency?: string | null;
  source?: string;
  fileName?: string | null;
  /** Phase-specific sections (consensus vs baseline, pre-S&OP gaps): commands/forecast-phase-notify.ts. */
  extraBlocks?: KnownBlock[];
  /** A scenario phase's version: its scenario name. */
  scenario?: string | null;
  /** The executive phase: the scenarios its approval chooses from (one Approve button each). */
  chooseFrom?: string[];
  decision?: {
    action: "approve" | "request_changes";
    by: string;
    at: Date;
    comment: string | null;
    scenario?: string | null;
  };
}

/** Months of the horizon a first version lists (the near term, and the last month). */
const NEAR_TERM_MONTHS = 3;

/** The first months of the horizon, where the plan bites first: "2026-12 16,519 · 2027-01 16,562 · …". */
function nearTermText(s: PlanSummary, precision: number): string | null {
  if (s.byPeriod.length === 0) return null;
  const shown = s.byPeriod
    .slice(0, NEAR_TERM_MONTHS)
    .map((b) => `${b.period} ${formatQuantity(b.quantity, precision)}`);
  const more =
    s.byPeriod.length > NEAR_TERM_MONTHS
      ? ` … ${s.periodTo} ${formatQuantity(s.byPeriod.at(-1)!.quantity, precision)}`
      : "";
  return `*By month:* ${shown.join(" · ")}${more}`;
}

/** What changed against the previous version: totals, then only the families that moved beyond the tolerance. */
function changesText(s: PlanSummary, precision: number, currency: string | null): string | null {
  const p = s.previous;
  if (!p) return null;
  const parts = [
    `*Changes vs v${p.version}:* total quantity ${formatChange(s.totals.quantity, p.totals.quantity, precision)}`,
  ];
  if (s.totals.revenue !== null && p.totals.revenue !== null)
    parts.push(`revenue ${formatSignedMoney(s.totals.revenue - p.totals.revenue, currency)}`);
  if (p.familiesAdded || p.familiesRemoved)
    parts.push(
      `${plural(p.familiesAdded, "family", "families")} added, ${formatQuantity(p.familiesRemoved)} removed`,
    );
  const lines = [parts.join(" · ")];
  const changed = p.changedFamilies ?? p.topMovers.length;
  for (const m of p.topMovers)
    lines.push(
      `• ${escapeMrkdwn(truncate(m.family, 40))} ${formatQuantity(m.before, precision)} → ${formatQuantity(m.after, precision)} (${formatChange(m.after, m.before, precision)})`,
    );
  if (changed > p.topMovers.length)
    lines.push(`• and ${plural(changed - p.topMovers.length, "more family", "more families")}`);
  const unchanged = s.families - (changed - p.familiesRemoved);
  const tolerance = formatPercent(FAMILY_CHANGE_TOLERANCE);
  if (changed === 0) lines.push(`No family moved by more than ±${tolerance}.`);
  else if (unchanged > 0)
    lines.push(`${plural(unchanged, "other family", "other families")} unchanged (within ±${tolerance}).`);
  return truncate(lines.join("\n"), 3000);
}

/**
 * Approve and Request changes for one plan version (`ref`: its encoded decision reference). The
 * sign-off request paints Request changes red; App Home keeps it plain.
 */
export function signoffButtons(
  ref: DecisionRef,
  opts: { dangerStyle?: boolean; chooseFrom?: string[] } = {},
): Button[] {
  // With scenarios to choose from, one Approve per scenario (Slack allows 25 elements; there are ≤ 3).
  const choices = opts.chooseFrom?.length ? opts.chooseFrom : [null];
  return [
    ...choices.map(
      (scenario, i): Button => ({
        type: "button",
        action_id: APPROVE_ACTION_IDS[i] ?? CYCLE_ACTIONS.approve,
        text: { type: "plain_text", text: truncate(scenario ? `Approve ${scenario}` : "Approve", 75) },
        ...(i === 0 ? { style: "primary" as const } : {}),
        value: encodeDecisionRef(scenario ? { ...ref, scenario } : ref),
      }),
    ),
    {
      type: "button",
      action_id: CYCLE_ACTIONS.requestChanges,
      text: { type: "plain_text", text: "Request changes" },
      ...(opts.dangerStyle ? { style: "danger" } : {}),
      value: encodeDecisionRef(ref),
    },
  ];
}

export function signoffRequestMessage(r: SignoffRequest): Message {
  const s = r.summary;
  const tz = r.timezone;
  const precision = s.precision ?? precisionOf(s.byPeriod.map((b) => b.quantity));
  const currency = r.currency ?? null;
  const fields = [
    `*Rows*\n${formatQuantity(s.rows)}`,
    `*Families*\n${formatQuantity(s.families)}`,
    `*Horizon*\n${s.periodFrom} … ${s.periodTo} (${plural(s.periodCount, "month")})`,
    `*Total quantity*\n${formatQuantity(s.totals.quantity, precision)}${s.previous ? ` (${formatChange(s.totals.quantity, s.previous.totals.quantity, precision)} vs v${s.previous.version})` : ""}`,
  ];
  if (s.totals.revenue !== null) fields.push(`*Total revenue*\n${formatMoney(s.totals.revenue, currency)}`);
  if (s.totals.capacity !== null)
    fields.push(`*Total capacity*\n${formatQuantity(s.totals.capacity, precision)}`);

  const blocks: KnownBlock[] = [
    {
      type: "header",
      text: {
        type: "plain_text",
        text: truncate(
          `Sign-off: ${r.phaseName} v${r.version}${r.scenario ? ` (${r.scenario})` : ""} · ${r.period}`,
          150,
        ),
      },
    },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `${userRef(r.submittedBy)} submitted *v${r.version}* of *${escapeMrkdwn(r.phaseName)}* for the ${r.period} cycle on ${formatWhen(r.submittedAt, tz)}.\nApprover: ${mentionList(r.approvers)} · due ${formatDay(r.dueAt, tz)}`,
      },
    },
    { type: "section", fields: fields.map((text) => ({ type: "mrkdwn", text })) },
  ];
  const nearTerm = s.previous ? null : nearTermText(s, precision);
  if (nearTerm) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: nearTerm }] });
  const changes = changesText(s, precision, currency);
  if (changes) blocks.push({ type: "section", text: { type: "mrkdwn", text: changes } });
  // Room is kept for the comment, the buttons or decision, and the context line (50 blocks per message).
  if (r.extraBlocks?.length) blocks.push(...r.extraBlocks.slice(0, Math.max(0, 47 - blocks.length)));
  if (r.comment) {
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(`*Comment:*\n>${escapeMrkdwn(r.comment).replace(/\n/g, "\n>")}`, 3000),
      },
    });
  }
  const ref = { period: r.period, phase: r.phase, version: r.version };
  if (!r.decision) {
    blocks.push({
      type: "actions",
      block_id: "signoff",
      elements: signoffButtons(ref, { dangerStyle: true, chooseFrom: r.chooseFrom }),
    });
  } else {
    const d = r.decision;
    const text =
      d.action === "approve"
        ? `:white_check_mark: *Approved* by ${userRef(d.by)} on ${formatWhen(d.at, tz)}${d.scenario ? ` — scenario *${escapeMrkdwn(d.scenario)}* is the published plan` : ""}`
        : `:leftwards_arrow_with_hook: *Changes requested* by ${userRef(d.by)} on ${formatWhen(d.at, tz)}${d.comment ? `\n>${escapeMrkdwn(d.comment).replace(/\n/g, "\n>")}` : ""}`;
    blocks.push({ type: "section", text: { type: "mrkdwn", text: truncate(text, 3000) } });
  }
  const source =
    r.source === "slack-file" && r.fileName
      ? `uploaded ${escapeMrkdwn(truncate(r.fileName, 80))}`
      : r.source === "cli"
        ? "submitted from the command line"
        : r.source === "baseline-button"
          ? "statistical baseline generated by the bot"
          : "pasted in Slack";
  blocks.push({
    type: "context",
    elements: [
      { type: "mrkdwn", text: `Only the approvers of ${escapeMrkdwn(r.phaseName)} can decide · ${source}` },
    ],
  });
  const state = r.decision ? (r.decision.action === "approve" ? " — approved" : " — changes requested") : "";
  return { text: `Sign-off: ${r.phaseName} v${r.version} for ${r.period}${state}`, blocks };
}
