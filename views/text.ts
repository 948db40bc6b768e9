/** Small text helpers for Block Kit limits. */

/** Cuts text to at most `max` characters, marking the cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export const userRef = (id: string) => `<@${id}>`;
export const channelRef = (id: string) => `<#${id}>`;

/** People to show in one line: a team may name hundreds of approvers; the first few, then a count. */
export const MENTIONS_SHOWN = 10;

export function mentionList(ids: string[], none = "nobody", max = MENTIONS_SHOWN): string {
  if (ids.length === 0) return none;
  const shown = ids.slice(0, max).map(userRef).join(", ");
  return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
}
