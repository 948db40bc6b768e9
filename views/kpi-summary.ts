/** `/sop kpi [PERIOD]`: every KPI with value, target, RAG status and the change against a week earlier. */

import type { PeriodReport } from "../src/kpi/period-report.ts";
import type { KnownBlock, Message } from "./message.ts";
import { ragBadge } from "./rag.ts";
import { escapeMrkdwn, truncate } from "./text.ts";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function monthName(period: string): string {
  return `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
}

/** Max blocks in a message is 50; extra sections (e.g. forecast value added) are appended if they fit. */
export function kpiSummaryMessage(report: PeriodReport, extra: KnownBlock[] = []): Message {
  const lines = report.rows.map((r): KnownBlock => {
    const change = r.change ? ` · ${r.change} vs prev. week` : r.value === null ? "" : " · no earlier data";
    const detail = r.detail ? `\n${r.detail}` : "";
    return {
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(
          `${ragBadge(r.status)} · *${escapeMrkdwn(r.label)}*  ${r.display}\ntarget ${r.target}${change}${detail}`,
          3000,
        ),
      },
    };
  });
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: `KPIs — ${monthName(report.period)}` } },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `${report.from} … ${report.to}${report.toDate ? " (to date)" : ""} · change vs the same window a week earlier (${report.previousFrom} … ${report.previousTo})`,
        },
      ],
    },
    { type: "divider" },
    ...lines,
  ];
  for (const b of extra) if (blocks.length < 50) blocks.push(b);
  const summary = report.rows.map((r) => `${r.label}: ${r.display}`).join("; ");
  return { text: truncate(`KPIs ${report.period}: ${summary}`, 3000), blocks };
}
