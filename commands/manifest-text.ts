/**
 * The words Slack shows for the app's entry points, kept beside the listeners: the slash command's
 * description and usage hint, and each shortcut's name and description. The manifest is built from the
 * registered listeners (commands/surface.ts); a registered shortcut without an entry here fails the
 * manifest check (test/foundation/manifest.test.ts).
 */
import { SUBCOMMAND_NAMES } from "./sop/index.ts";

export const APP_TEXT = {
  name: "S&OP bot",
  description: "Runs the monthly Sales & Operations Planning cycle in Slack",
  longDescription:
    "Planners submit demand, supply and finance plans with /sop submit; approvers sign phases off with buttons; everyone sees who owes what with /sop status; executives get a weekly KPI digest with charts. The cycle, plans and KPIs live in the team's own MongoDB.",
  backgroundColor: "#0b3d5c",
  botName: "sop",
};

export const COMMAND_TEXT: Record<string, { description: string; usageHint: string }> = {
  "/sop": {
    description: `S&OP cycle: ${SUBCOMMAND_NAMES.join(", ")}`,
    usageHint: "status [2027-01] | submit demand | help",
  },
};

/** Shortcuts by callback_id: `message` shortcuts appear on a message's "More actions" menu. */
export const SHORTCUT_TEXT: Record<
  string,
  { type: "message" | "global"; name: string; description: string }
> = {
  sop_log_item_shortcut: {
    type: "message",
    name: "Log as S&OP decision / action",
    description: "Record this message as a decision or an action item of the S&OP cycle",
  },
};
