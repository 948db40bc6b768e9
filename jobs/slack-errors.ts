/**
 * What a failed Slack Web API call means for a scheduled job: a channel it cannot post to
 * (configuration: not retried), a transient fault (retried later), or no answer at all (the call may
 * have taken effect). And the log line for every HTTP 429 the client waits out.
 */
import { ErrorCode, type WebClient, WebClientEvent } from "@slack/web-api";
import type { Logger } from "../src/logger.ts";

/** Errors that mean "this channel cannot be posted to" (configuration, not a transient fault). */
export const CHANNEL_PROBLEMS = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "channel_is_archived",
]);
/** Slack errors a later retry may get past. */
const TRANSIENT = new Set([
  "ratelimited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);

/** Slack's error code for a failed call and whether retrying later may help. */
export function classifySlackError(err: unknown): {
  code: string;
  retryable: boolean;
  message: string;
  /** False when Slack never answered (timeout, connection lost): the call may have taken effect. */
  answered: boolean;
} {
  const e = err as { code?: string; data?: { error?: string }; statusCode?: number; message?: string };
  const message = e?.message ?? String(err);
  if (e?.code === ErrorCode.PlatformError) {
    const code = e.data?.error ?? "unknown_error";
    return { code, retryable: TRANSIENT.has(code), message, answered: true };
  }
  if (e?.code === ErrorCode.RateLimitedError || /rate limit was exceeded/i.test(message))
    return { code: "ratelimited", retryable: true, message, answered: true };
  if (e?.code === ErrorCode.HTTPError)
    return { code: `http_${e.statusCode ?? "error"}`, retryable: true, message, answered: true };
  if (e?.code === ErrorCode.RequestError)
    return { code: "request_error", retryable: true, message, answered: false };
  return { code: "error", retryable: true, message, answered: true };
}

/**
 * Logs every HTTP 429 the client receives, with the method and the Retry-After it will wait. The client
 * pauses its queue and retries on its own; this makes the wait visible. Returns a function that stops it.
 */
export function watchRateLimits(client: WebClient, logger: Logger): () => void {
  const listener = (retryAfterSec: number, info: { url?: string }) => {
    const method = String(info?.url ?? "")
      .split("/")
      .pop();
    logger.warn(
      { method, retryAfterSec },
      `Slack rate limit (HTTP 429) on ${method}: retrying after Retry-After ${retryAfterSec} s`,
    );
  };
  client.on(WebClientEvent.RATE_LIMITED, listener);
  return () => {
    client.off(WebClientEvent.RATE_LIMITED, listener);
  };
}
