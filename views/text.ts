/** Small text helpers for Block Kit limits. */

/** Cuts text to at most `max` characters, marking the cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A mark opens at a word start and closes at a word end, as in Slack (so `a_b`, `:inbox_tray:`, `2*3` are text). */
const EMPHASIS = /(^|[^\p{L}\p{N}_])([*_~])(?=\S)([^\n]*?\S)\2(?![\p{L}\p{N}_])/gu;

/**
 * The plain-text fallback of a mrkdwn text (notifications, clients without blocks): the formatting marks
 * go, characters that only look like marks stay: error codes (channel_not_found), emoji codes, products.
 */
export function mrkdwnToPlain(text: string): string {
  let out = text.replace(/```/g, "").replace(/`([^`\n]*)`/g, "$1");
  // Nested marks (*_x_*) need one pass per level.
  for (let before = ""; before !== out; ) {
    before = out;
    out = out.replace(EMPHASIS, "$1$3");
  }
  return out;
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
