/** The status vocabulary (src/format/status.ts) as Slack shows it: one coloured circle per status, then its word. */
import { RAG_LABEL, type Rag } from "../src/format/status.ts";

export const RAG_EMOJI: Record<Rag, string> = {
  green: ":large_green_circle:",
  amber: ":large_orange_circle:",
  red: ":red_circle:",
  none: ":white_circle:",
};

/** ":large_orange_circle: amber". */
export function ragBadge(rag: Rag): string {
  return `${RAG_EMOJI[rag]} ${RAG_LABEL[rag]}`;
}
