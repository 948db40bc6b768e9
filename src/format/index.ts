/** Number and status formatting for people (Slack, CLI, reports): one style everywhere. */
export * from "./numbers.ts";
export * from "./status.ts";
