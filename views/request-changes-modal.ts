/** The modal an approver fills in to send a plan back: the comment is required. */
import type { ModalView } from "@slack/types";
import { CYCLE_VIEWS, encodeDecisionRef, REQUEST_CHANGES_INPUT } from "./cycle-ids.ts";
import { escapeMrkdwn, userRef } from "./text.ts";

export function requestChangesModal(r: {
  period: string;
  phase: string;
  phaseName: string;
  version: number;
  submittedBy: string | null;
}): ModalView {
  return {
    type: "modal",
    callback_id: CYCLE_VIEWS.requestChanges,
    title: { type: "plain_text", text: "Request changes" },
    submit: { type: "plain_text", text: "Send back" },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: encodeDecisionRef({ period: r.period, phase: r.phase, version: r.version }),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `*${escapeMrkdwn(r.phaseName)}* v${r.version} · cycle ${r.period}${r.submittedBy ? ` · submitted by ${userRef(r.submittedBy)}` : ""}\nThe owners get your comment and submit a new version.`,
        },
      },
      {
        type: "input",
        block_id: REQUEST_CHANGES_INPUT.block,
        label: { type: "plain_text", text: "What needs to change?" },
        element: {
          type: "plain_text_input",
          action_id: REQUEST_CHANGES_INPUT.action,
          multiline: true,
          min_length: 1,
          max_length: 2000,
        },
      },
    ],
  };
}
