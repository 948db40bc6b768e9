/**
 * How the domain names people and times in its messages. Users are written `<@U…>` (Slack's mention
 * syntax — it renders as a name in Slack; the CLI rewrites it to `@U…`); times in the team's time zone.
 */
import { cachedDateFormat } from "./time-zone.ts";

export const mention = (userId: string) => `<@${userId}>`;

export function mentionAll(userIds: string[]): string {
  return userIds.length ? userIds.map(mention).join(", ") : "nobody yet";
}

/** `<@U1>` → `@U1`, for output outside Slack. */
export function plainMentions(text: string): string {
  return text.replace(/<@([A-Z0-9]+)>/g, "@$1");
}

const DAY: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short" };
const WHEN: Intl.DateTimeFormatOptions = {
  ...DAY,
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
};

/** "Fri 8 Jan 2027, 14:03" in the team's time zone. */
export function formatWhen(at: Date, timezone: string): string {
  return cachedDateFormat("when", timezone, "en-GB", WHEN).format(at);
}

/** "Fri 8 Jan" in the team's time zone (due dates: the whole day counts). */
export function formatDay(at: Date, timezone: string): string {
  return cachedDateFormat("day", timezone, "en-GB", DAY).format(at);
}
