/** `/sop help`: the whole slash-command grammar. */
import type { Message } from "./message.ts";
export const SOP_GRAMMAR: { usage: string; does: string }[] = [
  { usage: "status [PERIOD]", does: "where this month's cycle is, who owes what, what is overdue" },
  { usage: "start PERIOD", does: "admins: open the cycle for PERIOD (YYYY-MM) from the team template" },
  { usage: "submit PHASE", does: "phase owners: submit your plan for PHASE (paste or upload CSV)" },
  { usage: "history [PERIOD]", does: "the audit trail of the cycle: every transition, who and when" },
  { usage: "kpi [PERIOD]", does: "KPI values against target, with RAG status and change vs last week" },
  { usage: "import", does: "load actuals (orders, demand, production, inventory) from a CSV file" },
  { usage: "setup", does: "admins: channels, time zone, phase owners, approvers and due days" },
  { usage: "digest", does: "admins: post the weekly KPI digest now (`digest preview` shows it only to you)" },
  {
    usage: "decide [text]",
    does: "log an S&OP decision for the cycle (also: the message shortcut “Log as S&OP decision / action”)",
  },
  {
    usage: "action [@owner] [YYYY-MM-DD] [text]",
    does: "log an action item with its owner and due date; its owner closes it",
  },
  { usage: "help", does: "this list" },
];

export function helpMessage(): Message {
  const lines = SOP_GRAMMAR.map((g) => `\`/sop ${g.usage}\` — ${g.does}`).join("\n");
  return {
    text: "S&OP bot commands",
    blocks: [
      { type: "header", text: { type: "plain_text", text: "S&OP bot — commands" } },
      { type: "section", text: { type: "mrkdwn", text: lines } },
      {
        type: "context",
        elements: [
          { type: "mrkdwn", text: "PERIOD is a month such as `2027-01`; without it, the current month." },
        ],
      },
    ],
  };
}

export function unknownCommandMessage(word: string): Message {
  const known = SOP_GRAMMAR.map((g) => g.usage.split(" ")[0]!);
  const lower = word.toLowerCase();
  const guess = known.find((k) => k !== lower && k.startsWith(lower.slice(0, 2)));
  const hint = guess ? ` Did you mean \`/sop ${guess}\`?` : "";
  const shown = word.length > 40 ? `${word.slice(0, 40)}…` : word;
  return {
    text: `Unknown command "${shown}".`,
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `:thinking_face: I don't know \`/sop ${shown.replace(/`/g, "'")}\`.${hint} Try \`/sop help\` for the list.`,
        },
      },
    ],
  };
}
