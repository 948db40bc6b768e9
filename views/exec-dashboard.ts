/**
 * The "S&OP Executive Review Dashboard" section of App Home (executives and admins): the status of
 * every submitted plan of the cycle with its summary, the KPI tiles, and the latest digest's charts.
 * Charts: QuickChart image URLs when the digest used them; else the uploaded PNGs referenced as Slack
 * files (`slack_file`, no public URL needed), with links to them.
 */

import { formatDay } from "../src/cycle/people.ts";
import type { CycleSection, DashboardData, SubmittedPlan } from "../src/digest/index.ts";
import { formatMoney, formatQuantity, formatSignedPercent, plural } from "../src/format/numbers.ts";
import { cycleLines, kpiTileBlocks } from "./digest.ts";
import type { KnownBlock } from "./message.ts";
import { escapeMrkdwn, truncate, userRef } from "./text.ts";

const STATUS: Record<string, string> = {
  submitted: ":hourglass_flowing_sand: waiting for sign-off",
  approved: ":white_check_mark: approved",
  changes_requested: ":leftwards_arrow_with_hook: changes requested",
  open: ":pencil2: open",
};

export function planLine(p: SubmittedPlan, timezone: string, currency: string | null = null): string {
  const s = p.summary;
  const precision = s.precision ?? 0;
  const prev = s.totals.quantity - (s.changeVsPrevious ?? 0);
  const change =
    s.changeVsPrevious !== null && prev !== 0
      ? ` (${formatSignedPercent(s.changeVsPrevious / prev)} vs v${p.version - 1})`
      : "";
  const revenue = s.totals.revenue !== null ? ` · revenue ${formatMoney(s.totals.revenue, currency)}` : "";
  return (
    `*${escapeMrkdwn(p.phaseName)}* v${p.version} — ${STATUS[p.status] ?? p.status}` +
    ` · ${plural(s.families, "family", "families")} · ${s.periodFrom}…${s.periodTo}` +
    ` · total ${formatQuantity(s.totals.quantity, precision)}${change}${revenue}` +
    ` · by ${userRef(p.submittedBy)} ${formatDay(p.submittedAt, timezone)}`
  );
}

function cycleSectionBlocks(section: CycleSection, timezone: string, currency: string | null): KnownBlock[] {
  const lines = cycleLines(section, timezone);
  const plans = section.plans.length
    ? section.plans.map((p) => `• ${planLine(p, timezone, currency)}`).join("\n")
    : "_No plan submitted yet._";
  return [
    {
      type: "section",
      text: { type: "mrkdwn", text: truncate(lines.join("\n") || `*${section.report.period}*`, 3000) },
    },
    { type: "section", text: { type: "mrkdwn", text: truncate(plans, 3000) } },
  ];
}

export function execDashboardBlocks(d: DashboardData): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: "divider" },
    { type: "header", text: { type: "plain_text", text: "S&OP Executive Review Dashboard" } },
  ];
  const c = d.cycle;
  if (c.current) blocks.push(...cycleSectionBlocks(c.current, d.timezone, d.currency));
  else
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: `*${c.period}* — the cycle has not started yet.` },
    });
  for (const older of c.older) blocks.push(...cycleSectionBlocks(older, d.timezone, d.currency));

  blocks.push({
    type: "section",
    text: { type: "mrkdwn", text: `*KPIs — week ${d.week.week}* (${d.week.from} – ${d.week.to})` },
  });
  blocks.push(...kpiTileBlocks(d.kpis));
  if (!d.kpisComputedAt)
    blocks.push({
      type: "context",
      elements: [
        { type: "mrkdwn", text: "No KPI snapshot for that week yet: the daily KPI job computes it." },
      ],
    });

  const post = d.latestDigest;
  if (!post) {
    blocks.push({
      type: "context",
      elements: [
        { type: "mrkdwn", text: "Charts appear here after the first weekly digest (or `/sop digest`)." },
      ],
    });
    return blocks;
  }
  blocks.push({
    type: "section",
    text: {
      type: "mrkdwn",
      text: `*Charts* from the digest of ${post.week} (posted ${formatDay(post.postedAt, d.timezone)})`,
    },
  });
  const links: string[] = [];
  for (const chart of post.charts) {
    const title = truncate(chart.title, 2000);
    if (chart.imageUrl)
      blocks.push({
        type: "image",
        image_url: chart.imageUrl,
        alt_text: title,
        title: { type: "plain_text", text: title },
      });
    else if (chart.fileId)
      blocks.push({
        type: "image",
        slack_file: { id: chart.fileId },
        alt_text: title,
        title: { type: "plain_text", text: title },
      });
    if (chart.permalink) links.push(`<${chart.permalink}|${escapeMrkdwn(chart.title)}>`);
  }
  if (links.length)
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: truncate(links.join(" · "), 3000) }] });
  return blocks;
}
