/**
 * The bookkeeping that makes the Slack stand-in strict where Slack is: a trigger_id works once and for
 * 3 s after the click; a response_url takes 5 posts within 30 minutes; chat.postMessage allows about one
 * message per second per channel (with a short burst) and answers HTTP 429 with Retry-After beyond that.
 * Its clock is the wall clock plus what a test `advance`s it by, so a test shows a lapse without waiting.
 */
import { slackDeadline, TRIGGER_LIFETIME_MS } from "./slack-deadlines.ts";

/** Trigger ids look like Slack's: `<ms of the click>.<user>.<random>` (made by slack-driver.ts). */
export { TRIGGER_LIFETIME_MS };
export const RESPONSE_URL_POSTS = 5;
export const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;

export class SlackLedger {
  private readonly usedTriggers = new Set<string>();
  private readonly responseUrls = new Map<string, { created: number; posts: number }>();
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  /** Messages a channel takes at once before the one-per-second rate applies. */
  channelBurst = 10;
  /** Messages per second per channel once the burst is spent. */
  channelRate = 1;

  private skewMs = 0;

  /** Slack's time as the ledger sees it. */
  now(): number {
    return Date.now() + this.skewMs;
  }

  /** Moves the ledger's clock on by `ms` (a trigger or response_url lapses as if that time had passed). */
  advance(ms: number): void {
    this.skewMs += ms;
  }

  /** null when the trigger may open a view now; else Slack's error code. It is used up either way. */
  useTrigger(triggerId: unknown): string | null {
    if (typeof triggerId !== "string" || triggerId === "") return "invalid_trigger_id";
    const issued = Number(triggerId.split(".")[0]);
    if (!Number.isFinite(issued) || !/^\d{13}\.[UW][A-Z0-9]+\./.test(triggerId)) return "invalid_trigger_id";
    if (this.usedTriggers.has(triggerId)) return "exchanged_trigger_id";
    this.usedTriggers.add(triggerId);
    if (this.now() - issued > slackDeadline(TRIGGER_LIFETIME_MS)) return "expired_trigger_id";
    return null;
  }

  newResponseUrl(id: string): void {
    this.responseUrls.set(id, { created: this.now(), posts: 0 });
  }

  /** null when a post to the response_url is accepted; else why not (`used_url`, `expired_url`, `invalid_url`). */
  postToResponseUrl(id: string): string | null {
    const u = this.responseUrls.get(id);
    if (!u) return "invalid_url";
    if (this.now() - u.created > RESPONSE_URL_LIFETIME_MS) return "expired_url";
    if (u.posts >= RESPONSE_URL_POSTS) return "used_url";
    u.posts += 1;
    return null;
  }

  /** Makes a response_url look as if it had been used up (for tests of what happens then). */
  exhaustResponseUrl(id: string): void {
    const u = this.responseUrls.get(id);
    if (u) u.posts = RESPONSE_URL_POSTS;
  }

  /** 0 when the channel takes another message now; else the seconds to wait (Retry-After). */
  takeChannelSlot(channel: string): number {
    const t = this.now();
    const b = this.buckets.get(channel) ?? { tokens: this.channelBurst, at: t };
    b.tokens = Math.min(this.channelBurst, b.tokens + ((t - b.at) / 1000) * this.channelRate);
    b.at = t;
    this.buckets.set(channel, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.channelRate));
  }
}
