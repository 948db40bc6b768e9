/** Plain words for phase states, shared by Slack views, the CLI and error messages. */
import type { PhaseStatus } from "./cycle-state.ts";

export const STATUS_LABEL: Record<PhaseStatus, string> = {
  not_started: "not started",
  open: "open",
  submitted: "submitted, awaiting sign-off",
  changes_requested: "changes requested",
  approved: "approved",
};

/** One or two words, for transitions ("open → submitted"). */
export const STATUS_WORD: Record<PhaseStatus, string> = {
  not_started: "not started",
  open: "open",
  submitted: "submitted",
  changes_requested: "changes requested",
  approved: "approved",
};
