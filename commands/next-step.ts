/** A domain error's next step in Slack's terms: the slash command that does it. */
import type { NextStep, UserError } from "../src/errors.ts";

export function slackNextStep(next: NextStep): string {
  switch (next.step) {
    case "configure":
      return "An admin runs `/sop setup`.";
    case "start":
      return `An admin starts it with \`/sop start ${next.period}\`.`;
    case "import-demand":
      return "Import demand actuals first (`/sop import`).";
    case "status":
      return "`/sop status` shows what is stored.";
    case "reopen-submit":
      return `Reopen \`/sop submit ${next.phaseId}\` to see the current state.`;
    case "month-example":
      return `For example \`/sop kpi ${next.period}\`.`;
  }
}

/** The error's message followed by what to do next, as Slack users do it. */
export function slackErrorText(err: UserError): string {
  return err.next ? `${err.message} ${slackNextStep(err.next)}` : err.message;
}
