/**
 * The sign-off request posted to the S&OP channel when a plan is submitted: who, what (a summary bounded
 * in size whatever the plan's size), and Approve / Request changes. Once decided, the same message is
 * rebuilt with the decision instead of the buttons.
 */
import type { Button } from "@slack/types";
import { formatDay, formatWhen } from "../src/cycle/people.ts";
import type { PlanSummary } from "../src/plans/plan-summary.ts";
import { CYCLE_ACTIONS, encodeDecisionRef } from "./cycle-ids.ts";
import { fmtChange, fmtNumber, plural } from "./cycle-text.ts";
import type { KnownBlock, Message } from "./message.ts";
import { escapeMrkdwn, truncate, userRef } from "./text.ts";

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
  source?: string;
  fileName?: string | null;
  /** Phase-specific sections (consensus vs baseline, pre-S&OP gaps): commands/forecast-phase-notify.ts. */
  extraBlocks?: KnownBlock[];
  decision?: { action: "approve" | "request_changes"; by: string; at: Date; comment: string | null };
}

function monthlyTable(s: PlanSummary): string {
  const prev = new Map((s.previous?.byPeriod ?? []).map((b) => [b.period, b]));
  const hasRevenue = s.totals.revenue !== null;
  const rows = s.byPeriod.map((b) => {
    const q = fmtNumber(b.quantity).padStart(14);
    const r = hasRevenue ? fmtNumber(b.revenue ?? 0).padStart(16) : "";
    const p = prev.get(b.period);
    const d = s.previous ? `  ${p ? fmtChange(b.quantity, p.quantity) : "new"}` : "";
    return `${b.period}${q}${r}${d}`;
  });
  const head = `${"month".padEnd(7)}${"quantity".padStart(14)}${hasRevenue ? "revenue".padStart(16) : ""}${s.previous ? `  vs v${s.previous.version}` : ""}`;
  // At most 36 months × ~50 characters: well inside a section's 3,000.
  return `\`\`\`${[head, ...rows].join("\n").slice(0, 2990)}\`\`\``;
}

function changesText(s: PlanSummary): string | null {
  const p = s.previous;
  if (!p) return null;
  const parts = [
    `*Changes vs v${p.version}:* total quantity ${fmtChange(s.totals.quantity, p.totals.quantity)}`,
  ];
  if (s.totals.revenue !== null && p.totals.revenue !== null)
    parts.push(`revenue ${fmtChange(s.totals.revenue, p.totals.revenue)}`);
  if (p.familiesAdded || p.familiesRemoved)
    parts.push(
      `${plural(p.familiesAdded, "family", "families")} added, ${fmtNumber(p.familiesRemoved)} removed`,
    );
  let text = parts.join(" · ");
  if (p.topMovers.length) {
    const movers = p.topMovers.map(
      (m) => `${escapeMrkdwn(truncate(m.family, 40))} ${fmtNumber(m.before)} → ${fmtNumber(m.after)}`,
    );
    text += `\nBiggest moves: ${movers.join("; ")}`;
  }
  return truncate(text, 3000);
}

/**
 * Approve and Request changes for one plan version (`ref`: its encoded decision reference). The
 * sign-off request paints Request changes red; App Home keeps it plain.
 */
export function signoffButtons(ref: string, opts: { dangerStyle?: boolean } = {}): Button[] {
  return [
    {
      type: "button",
      action_id: CYCLE_ACTIONS.approve,
      text: { type: "plain_text", text: "Approve" },
      style: "primary",
      value: ref,
    },
    {
      type: "button",
      action_id: CYCLE_ACTIONS.requestChanges,
      text: { type: "plain_text", text: "Request changes" },
      ...(opts.dangerStyle ? { style: "danger" } : {}),
      value: ref,
    },
  ];
}

export function signoffRequestMessage(r: SignoffRequest): Message {
  const s = r.summary;
  const tz = r.timezone;
  const fields = [
    `*Rows*\n${fmtNumber(s.rows)}`,
    `*Families*\n${fmtNumber(s.families)}`,
    `*Horizon*\n${s.periodFrom} … ${s.periodTo} (${plural(s.periodCount, "month")})`,
    `*Total quantity*\n${fmtNumber(s.totals.quantity)}${s.previous ? ` (${fmtChange(s.totals.quantity, s.previous.totals.quantity)} vs v${s.previous.version})` : ""}`,
  ];
  if (s.totals.revenue !== null) fields.push(`*Total revenue*\n${fmtNumber(s.totals.revenue)}`);
  if (s.totals.capacity !== null) fields.push(`*Total capacity*\n${fmtNumber(s.totals.capacity)}`);

  const blocks: KnownBlock[] = [
    {
      type: "header",
      text: {
        type: "plain_text",
        text: truncate(`Sign-off: ${r.phaseName} v${r.version} · ${r.period}`, 150),
      },
    },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `${userRef(r.submittedBy)} submitted *v${r.version}* of *${escapeMrkdwn(r.phaseName)}* for the ${r.period} cycle on ${formatWhen(r.submittedAt, tz)}.\nApprover: ${r.approvers.map(userRef).join(", ")} · due ${formatDay(r.dueAt, tz)}`,
      },
    },
    { type: "section", fields: fields.map((text) => ({ type: "mrkdwn", text })) },
    { type: "section", text: { type: "mrkdwn", text: monthlyTable(s) } },
  ];
  const changes = changesText(s);
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
  const ref = encodeDecisionRef({ period: r.period, phase: r.phase, version: r.version });
  if (!r.decision) {
    blocks.push({
      type: "actions",
      block_id: "signoff",
      elements: signoffButtons(ref, { dangerStyle: true }),
    });
  } else {
    const d = r.decision;
    const text =
      d.action === "approve"
        ? `:white_check_mark: *Approved* by ${userRef(d.by)} on ${formatWhen(d.at, tz)}`
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
