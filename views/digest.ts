/**
 * The weekly executive digest as a Block Kit message (well within 50 blocks and 3,000 characters per
 * section), plus the pieces the App Home dashboard reuses: KPI tiles, the cycle summary, exceptions.
 */

import { formatDay, formatWhen } from "../src/cycle/people.ts";
import type { CycleSection, DigestData, KpiLine } from "../src/digest/index.ts";
import { formatPercent, formatQuantity } from "../src/format/numbers.ts";
import { formatKpiDelta, formatKpiValue } from "../src/kpi/catalog.ts";
import { daysInMonth, localDateOf } from "../src/time/dates.ts";
import { addMonths } from "../src/time/period.ts";
import { fvaDigestBlocks } from "./fva-section.ts";
import { openItemsBlocks } from "./item-log.ts";
import type { KnownBlock } from "./message.ts";
import { ragBadge } from "./rag.ts";
import { escapeMrkdwn, mentionList, truncate } from "./text.ts";

const ARROW = { up: "↑", down: "↓", flat: "→", none: "" } as const;

/** The change since last week, in the KPI engine's wording (`+1.2 pts`, `−0.5 d`), with the arrow and a verdict. */
function formatDelta(line: KpiLine): string {
  if (line.trend === "none") return "";
  if (line.trend === "flat") return "→ unchanged";
  const verdict = line.better === null ? "" : line.better ? " better" : " worse";
  return `${ARROW[line.trend]} ${formatKpiDelta(line.key, line.value, line.previous)}${verdict}`;
}

/** One KPI tile: status, value, trend vs last week, target. */
export function kpiTile(line: KpiLine): string {
  const value = line.value === null ? "no data" : `*${formatKpiValue(line.key, line.value)}*`;
  const delta = formatDelta(line);
  return `${ragBadge(line.rag)} · *${line.label}*\n${value}${delta ? `  ${delta}` : ""}\ntarget ${line.target}`;
}

const people = (ids: string[]) => mentionList(ids, "nobody assigned");
const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/** The cycle in a few lines: where it is, what blocks it, what is overdue, which plans are in. */
export function cycleLines(section: CycleSection, timezone: string): string[] {
  const r = section.report;
  const lines: string[] = [];
  const approved = r.phases.filter((p) => p.status === "approved").length;
  if (r.status === "closed") {
    lines.push(
      `*${r.period}* — closed${r.closedAt ? ` on ${formatDay(r.closedAt, timezone)}` : ""}: all ${r.phases.length} phases approved.`,
    );
  } else if (r.blocking) {
    const b = r.blocking;
    const phase = r.phases.find((p) => p.id === b.phase)!;
    const action =
      b.waitingOn === "approvers" ? `sign-off by ${people(b.people)}` : `a plan from ${people(b.people)}`;
    lines.push(
      `*${r.period}* — phase ${phase.position} of ${r.phases.length}, *${escapeMrkdwn(b.name)}* (${phase.status.replace("_", " ")}): waiting for ${action}, due ${formatDay(phase.dueAt, timezone)}. ${approved} of ${r.phases.length} approved.`,
    );
  }
  const overdue = r.phases.filter((p) => p.overdueDays > 0);
  if (overdue.length) {
    // Later phases of a late cycle are past due too; the first one is what holds everything up.
    const first = overdue[0]!;
    const rest = overdue.length - 1;
    lines.push(
      `:warning: Overdue: ${escapeMrkdwn(first.name)} (${days(first.overdueDays)})` +
        (rest > 0 ? ` and ${rest} later phase${rest === 1 ? "" : "s"}` : ""),
    );
  }
  return lines;
}

function exceptionLines(d: DigestData): string[] {
  const f = d.exceptions;
  if (!f) return ["_No exception data for this week yet: the daily KPI job computes it._"];
  const out: string[] = [];
  if (f.demand.worst.length) {
    const top = f.demand.worst
      .slice(0, 5)
      .map(
        (e) =>
          `${escapeMrkdwn(e.family)} ${e.errorPct === null ? "" : `${formatPercent(e.errorPct)} `}(${formatQuantity(e.absError)} units off)`,
      );
    out.push(`*Worst forecast error* (${f.demand.period}): ${top.join(", ")}`);
  } else out.push("*Worst forecast error*: no demand data");
  const o = f.orders;
  let late = `*Late orders*: ${formatQuantity(o.openLate)} open past their promised date (${formatQuantity(o.openLateQty)} units); ${formatQuantity(o.deliveredLateInWeek)} of ${formatQuantity(o.deliveredInWeek)} deliveries this week were late.`;
  if (o.worst.length) {
    late += ` Longest overdue: ${o.worst
      .slice(0, 3)
      .map((w) => `${escapeMrkdwn(w.orderId)} (${escapeMrkdwn(w.family)}, ${days(w.daysLate)})`)
      .join(", ")}.`;
  }
  out.push(late);
  const over = f.production.utilization.filter((u) => u.utilization > 1);
  out.push(
    f.production.period === null
      ? "*Capacity over 100 %*: no production data"
      : over.length
        ? `*Capacity over 100 %* (${f.production.period}): ${formatQuantity(f.production.overCapacityCount)} famil${f.production.overCapacityCount === 1 ? "y" : "ies"} — ${over
            .slice(0, 5)
            .map((u) => `${escapeMrkdwn(u.family)} ${formatPercent(u.utilization)}`)
            .join(", ")}`
        : `*Capacity over 100 %* (${f.production.period}): none`,
  );
  return out;
}

export interface DigestImage {
  chartId: string;
  url: string;
  title: string;
}

const section = (text: string): KnownBlock => ({
  type: "section",
  text: { type: "mrkdwn", text: truncate(text, 3000) },
});
const context = (text: string): KnownBlock => ({
  type: "context",
  elements: [{ type: "mrkdwn", text: truncate(text, 3000) }],
});

/** The KPI tiles as section fields (at most 10 per section). */
export function kpiTileBlocks(kpis: KpiLine[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < kpis.length; i += 10) {
    blocks.push({
      type: "section",
      fields: kpis.slice(i, i + 10).map((k) => ({ type: "mrkdwn", text: truncate(kpiTile(k), 2000) })),
    });
  }
  return blocks;
}

/** A calendar day (YYYY-MM-DD) as people read it: "Mon 30 Nov". */
const dayLabel = (date: string) => formatDay(new Date(`${date}T12:00:00Z`), "UTC");

/** Days left in the month of `today` (YYYY-MM-DD), today excluded. */
function daysLeftInMonth(today: string): number {
  return daysInMonth(Number(today.slice(0, 4)), Number(today.slice(5, 7))) - Number(today.slice(8, 10));
}

/** In its last week a month without a cycle is over for planning: the hint is next month's cycle. */
function noCycleLine(period: string, today: string): string {
  if (daysLeftInMonth(today) >= 7)
    return `*${period}* — not started yet (an admin runs \`/sop start ${period}\`).`;
  const next = addMonths(period, 1);
  return `*${period}* — no cycle this month. Next: an admin opens ${next} with \`/sop start ${next}\`.`;
}

export function cycleBlocks(d: DigestData): KnownBlock[] {
  const c = d.cycle;
  const lines: string[] = [];
  if (c.current) lines.push(...cycleLines(c.current, d.timezone));
  else lines.push(noCycleLine(c.period, d.week.today));
  for (const older of c.older) lines.push(...cycleLines(older, d.timezone));
  return [section(`*S&OP cycle*\n${lines.join("\n")}`)];
}

/**
 * The digest message. `images`: chart image URLs for image blocks (QuickChart mode); without them the
 * message says the charts follow as uploaded files.
 */
export function digestMessage(
  d: DigestData,
  opts: { images?: DigestImage[]; chartsFollow?: boolean } = {},
): {
  text: string;
  blocks: KnownBlock[];
} {
  const w = d.week;
  const blocks: KnownBlock[] = [
    {
      type: "header",
      text: {
        type: "plain_text",
        text: truncate(`S&OP weekly digest — week ${w.week} (${dayLabel(w.from)} – ${dayLabel(w.to)})`, 150),
      },
    },
    context(
      `The last full week, Monday ${w.from} to Sunday ${w.to} · generated ${formatWhen(d.generatedAt, d.timezone)} (${d.timezone})`,
    ),
    ...cycleBlocks(d),
    ...openItemsBlocks(d.openActions ?? [], localDateOf(d.generatedAt, d.timezone)),
    { type: "divider" },
    section(`*KPIs — week ${w.week}* vs target, with the change since the week before`),
    ...kpiTileBlocks(d.kpis),
  ];
  if (!d.kpisComputedAt)
    blocks.push(context("No KPI snapshot for this week yet: the daily KPI job computes it."));
  blocks.push(...(fvaDigestBlocks(d.fva) as KnownBlock[]));
  blocks.push({ type: "divider" }, section(`*Exceptions*\n${exceptionLines(d).join("\n")}`));
  for (const img of opts.images ?? []) {
    blocks.push({
      type: "image",
      image_url: img.url,
      alt_text: truncate(img.title, 2000),
      title: { type: "plain_text", text: truncate(img.title, 2000) },
    });
  }
  const chartWeek = d.exceptions?.production.period;
  const footer = [
    `Plan vs actual uses the ${d.planSource}.`,
    ...(chartWeek && chartWeek !== w.week
      ? [
          `The plan vs actual and capacity charts are for ${chartWeek}, the latest period with production actuals.`,
        ]
      : []),
    "`/sop kpi` for the details, `/sop status` for the cycle.",
  ];
  if (opts.chartsFollow) footer.unshift("Charts follow as images.");
  blocks.push(context(footer.join(" ")));
  const red = d.kpis.filter((k) => k.rag === "red").map((k) => k.label);
  const text = `S&OP weekly digest ${w.week}${red.length ? ` — off target: ${red.join(", ")}` : ""}`;
  return { text: truncate(text, 3000), blocks };
}
