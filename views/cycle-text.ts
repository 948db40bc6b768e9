/** Shared wording for the cycle's messages (numbers: src/format). */
import type { PhaseStatus } from "../src/cycle/cycle-state.ts";

export const STATUS_EMOJI: Record<PhaseStatus, string> = {
  not_started: ":white_circle:",
  open: ":large_blue_circle:",
  submitted: ":hourglass_flowing_sand:",
  changes_requested: ":leftwards_arrow_with_hook:",
  approved: ":white_check_mark:",
};
