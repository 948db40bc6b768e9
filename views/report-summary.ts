/**
 * The S&OP report's summary in the exec channel: what needs a decision (the flagged families, the
 * scenarios, the open action items), the company totals, and where the PDF, the workbook and the
 * charts are. Summarised, never listed in full: a few lines per list and a count for the rest, so it
 * fits Block Kit's limits for any number of families.
 */
import { formatDay } from "../src/cycle/people.ts";
import { daysOverdue } from "../src/decisions/item.ts";
import { familyProblem } from "../src/report/family-problem.ts";
import { compactQty, money, qty } from "../src/report/format.ts";
import { flaggedFamilies, openActions, type SopReport } from "../src/report/report-model.ts";
import type { KnownBlock, Message } from "./message.ts";
import { escapeMrkdwn, truncate, userRef } from "./text.ts";

export const TOP_FAMILIES = 8;
export const TOP_ACTIONS = 5;

const STAGE_TITLE: Record<SopReport["stage"], string> = {
  pre_sop: "for the pre-S&OP",
  exec: "— the approved plan",
  on_request: "",
};

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

function section(text: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text: truncate(text, 3000) } };
}

function countsLine(report: SopReport): string {
  const c = report.company.flagCounts;
  const parts = [
    c.stockOut ? `${c.stockOut} with a projected stock-out` : null,
    c.capacity ? `${c.capacity} at or over capacity` : null,
    c.aboveMax ? `${c.aboveMax} above max` : null,
    c.backlog ? `${c.backlog} with backlog above max` : null,
    c.revenueGap ? `${c.revenueGap} with a revenue gap` : null,
  ].filter(Boolean);
  return parts.length ? ` — ${parts.join(", ")}` : "";
}

function scenarioLines(report: SopReport): string | null {
  if (report.scenarios.length < 2 && !report.approvedScenario) return null;
  const c = report.currency;
  const lines = report.scenarios.map((s) => {
    const mark = s.name === report.approvedScenario ? " :white_check_mark: approved" : "";
    return `• *${escapeMrkdwn(s.name)}*${mark} (supply v${s.supplyVersion ?? "–"}): ${plural(s.stockOutFamilies, "family", "families")} short (${qty(s.unitsShort)} units), ${plural(s.capacityMonths, "family-month")} at capacity, inventory at the end ${qty(s.inventoryEnd)}, revenue ${money(s.revenuePlan, c)}${s.cost === null ? "" : `, cost ${money(s.cost, c)}`}`;
  });
  const head = report.approvedScenario
    ? `*Scenarios* — the executive S&OP approved *${escapeMrkdwn(report.approvedScenario)}*:`
    : "*Scenarios to choose from* (the executive S&OP approves one):";
  return [head, ...lines].join("\n");
}

function actionLines(report: SopReport, today: string): string {
  const open = openActions(report);
  if (!open.length) return "*Open action items*: none.";
  const lines = open.slice(0, TOP_ACTIONS).map((a) => {
    const late = daysOverdue(a, today);
    const due = a.dueDate
      ? `due ${a.dueDate}${late ? ` (*${plural(late, "day")} overdue*)` : ""}`
      : "no due date";
    return `• ${escapeMrkdwn(truncate(a.text.replace(/\s+/g, " "), 140))} — ${a.owner ? userRef(a.owner) : "no owner"}, ${due}`;
  });
  if (open.length > TOP_ACTIONS) lines.push(`…and ${open.length - TOP_ACTIONS} more in the report`);
  return [`*Open action items* (${open.length}):`, ...lines].join("\n");
}

/** The decisions logged in the cycle, newest first (a few, then a count); null when there are none. */
function decisionLines(report: SopReport): string | null {
  const decisions = report.items.filter((i) => i.kind === "decision");
  if (!decisions.length) return null;
  const lines = decisions
    .slice(0, TOP_ACTIONS)
    .map((d) => `• ${escapeMrkdwn(truncate(d.text.replace(/\s+/g, " "), 160))} — ${userRef(d.createdBy)}`);
  if (decisions.length > TOP_ACTIONS) lines.push(`…and ${decisions.length - TOP_ACTIONS} more in the report`);
  return [`*Decisions logged* (${decisions.length}):`, ...lines].join("\n");
}

export interface SummaryOptions {
  /** The team's date today, for "overdue". */
  today: string;
  /** How many family charts follow in the thread. */
  charts: number;
  /** The files that follow in the thread. */
  files: string[];
}

export function reportSummaryMessage(report: SopReport, opts: SummaryOptions): Message {
  const c = report.currency;
  const flagged = flaggedFamilies(report);
  const n = report.months.closed.length;
  const co = report.company;
  const sum = (xs: (number | null)[]) => xs.slice(n).reduce<number>((s, v) => s + (v ?? 0), 0);
  const title = `S&OP report ${report.period} ${STAGE_TITLE[report.stage]}`.trim();
  const blocks: KnownBlock[] = [{ type: "header", text: { type: "plain_text", text: truncate(title, 150) } }];
  // Once the executive S&OP has approved the plan, what is flagged is to watch, no longer to decide.
  const lead = report.stage === "exec" ? "Still flagged in the approved plan" : "Needs a decision";
  const needs = flagged.length
    ? `*${lead}: ${plural(flagged.length, "family", "families")} of ${report.families.length.toLocaleString("en-US")} flagged*${countsLine(report)}.`
    : `*No family is flagged* over the horizon (${report.families.length.toLocaleString("en-US")} families).`;
  const short =
    co.unitsShort > 0
      ? `\nProjected shortfall: *${qty(co.unitsShort)} units* (≈ ${money(co.revenueAtRisk, c)} at plan prices).`
      : "";
  blocks.push(section(`${needs}${short}`));
  if (flagged.length) {
    const lines = flagged
      .slice(0, TOP_FAMILIES)
      .map((g) => `• *${escapeMrkdwn(truncate(g.family, 60))}* — ${escapeMrkdwn(familyProblem(g, c))}`);
    if (flagged.length > TOP_FAMILIES)
      lines.push(
        `…and ${(flagged.length - TOP_FAMILIES).toLocaleString("en-US")} more flagged families in the PDF and the workbook`,
      );
    blocks.push(section(lines.join("\n")));
  }
  const scenarios = scenarioLines(report);
  if (scenarios) blocks.push(section(scenarios));
  const decisions = decisionLines(report);
  if (decisions) blocks.push(section(decisions));
  blocks.push(section(actionLines(report, opts.today)));
  const end = co.rows.inventory.at(-1) ?? null;
  blocks.push({
    type: "section",
    fields: [
      { type: "mrkdwn", text: `*Demand, horizon*\n${compactQty(sum(co.rows.demandPlan), 12)}` },
      { type: "mrkdwn", text: `*Supply, horizon*\n${compactQty(sum(co.rows.supplyPlan), 12)}` },
      { type: "mrkdwn", text: `*Inventory at ${report.months.horizon.at(-1)}*\n${compactQty(end, 12)}` },
      { type: "mrkdwn", text: `*Finance plan*\n${money(sum(co.rows.revenuePlan), c)}` },
    ],
  });
  const follow = [
    opts.files.length ? opts.files.map((f) => `\`${f}\``).join(" and ") : null,
    opts.charts ? `${plural(opts.charts, "chart")} of the most-flagged families` : null,
  ].filter(Boolean);
  const context = [
    `Scenario shown: ${escapeMrkdwn(report.shownScenario)}`,
    `horizon ${report.months.horizon[0]} … ${report.months.horizon.at(-1)}`,
    `built ${formatDay(report.generatedAt, report.timezone)}`,
    follow.length ? `in the thread: ${follow.join(", ")}` : null,
  ].filter(Boolean);
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: truncate(context.join(" · "), 2900) }] });
  const text = `S&OP report ${report.period}: ${flagged.length} of ${report.families.length} families flagged, ${openActions(report).length} open action items`;
  return { text, blocks };
}
