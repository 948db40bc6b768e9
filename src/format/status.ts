/**
 * The one vocabulary for a KPI's (or any measure's) status against its target, used by Slack, the
 * CLI and files alike: green, amber, red, and "no data" when there is nothing to judge. The words
 * match the configuration's `target` / `amber` thresholds.
 */

export type Rag = "green" | "amber" | "red" | "none";

export const RAG_LABEL: Record<Rag, string> = {
  green: "green",
  amber: "amber",
  red: "red",
  none: "no data",
};

/** What each status means, for legends. */
export const RAG_MEANING: Record<Rag, string> = {
  green: "on target",
  amber: "within the amber band",
  red: "off target",
  none: "nothing to judge",
};
