/** What the person who imported actuals sees: the result, or the problems (in the modal and by message). */
import type { ModalView } from "@slack/types";
import type { ImportResult } from "../src/actuals/import-actuals.ts";
import { formatQuantity } from "../src/format/numbers.ts";
import type { Message } from "./message.ts";
import { escapeMrkdwn, truncate } from "./text.ts";

const n = (v: number) => formatQuantity(v);

export function importResultMessage(r: ImportResult, source: string): Message {
  const text = `Imported ${r.kind} from ${source}: ${n(r.rows)} rows, ${n(r.inserted)} new, ${n(r.updated)} updated.`;
  return {
    text,
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: truncate(
            `:white_check_mark: Imported *${r.kind}* from ${escapeMrkdwn(source)}: *${n(r.rows)}* rows — ${n(r.inserted)} new, ${n(r.updated)} already there (updated in place, never counted twice).`,
            3000,
          ),
        },
      },
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: "See the KPIs with `/sop kpi`." }],
      },
    ],
  };
}

/** The text under a modal input: the message, then as many problem lines as fit, then a count. */
export function problemsText(message: string, details: string[], maxChars = 1800): string {
  let text = message;
  let shown = 0;
  for (const d of details) {
    if (text.length + d.length + 3 > maxChars) break;
    text += `\n• ${d}`;
    shown++;
  }
  if (shown < details.length) text += `\n…and ${details.length - shown} more`;
  return text;
}

/** Shown while an uploaded file is fetched, checked and imported after the ack (Slack allows 3 s for it). */
export function importProgressModal(kind: string): ModalView {
  return {
    type: "modal",
    callback_id: "sop_import_progress",
    title: { type: "plain_text", text: "Import actuals" },
    close: { type: "plain_text", text: "Close" },
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `:hourglass_flowing_sand: Checking and importing your ${escapeMrkdwn(truncate(kind, 30))} file…\nThe result shows here and comes to you as a message, so you can close this window.`,
        },
      },
    ],
  };
}

/** The outcome of an upload, replacing the progress window. */
export function importOutcomeModal(
  outcome: { ok: true; text: string } | { ok: false; message: string; details: string[] },
): ModalView {
  const text = outcome.ok
    ? `:white_check_mark: ${outcome.text}`
    : `:warning: ${problemsText(outcome.message, outcome.details, 2900)}`;
  return {
    type: "modal",
    callback_id: "sop_import_progress",
    title: { type: "plain_text", text: "Import actuals" },
    close: { type: "plain_text", text: "Close" },
    blocks: [{ type: "section", text: { type: "mrkdwn", text: truncate(escapeMrkdwn(text), 3000) } }],
  };
}
