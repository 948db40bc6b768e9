/**
 * How scheduled jobs talk to Slack. Every post goes through here so that failures are handled the same
 * way everywhere:
 * - HTTP 429: the Web API client waits for Retry-After and retries by itself (Bolt's client is built
 *   with `retryConfig` in commands/app.ts); `watchRateLimits` logs each one so it is never silent.
 * - `channel_not_found` / `not_in_channel` / archived: one clear log line and one DM to each admin per
 *   run and channel, no further attempts at that channel in the run, and a non-retryable failure on the
 *   run record (a retry cannot fix configuration) — never a crash loop.
 * - anything else: recorded on the run record with whether a retry may help.
 */
import { ErrorCode, type WebClient, WebClientEvent } from "@slack/web-api";
import type { Logger } from "../src/logger.ts";
import type { JobContext, JobFailure } from "../src/schedule/job.ts";
import type { TeamConfig } from "../src/team/team-config.ts";
import { channelProblemAlert } from "../views/job-alert.ts";
import type { KnownBlock } from "../views/message.ts";

export interface SlackMessage {
  text: string;
  blocks?: KnownBlock[];
}

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
export function classifySlackError(err: unknown): { code: string; retryable: boolean; message: string } {
  const e = err as { code?: string; data?: { error?: string }; statusCode?: number; message?: string };
  const message = e?.message ?? String(err);
  if (e?.code === ErrorCode.PlatformError) {
    const code = e.data?.error ?? "unknown_error";
    return { code, retryable: TRANSIENT.has(code), message };
  }
  if (e?.code === ErrorCode.RateLimitedError || /rate limit was exceeded/i.test(message))
    return { code: "ratelimited", retryable: true, message };
  if (e?.code === ErrorCode.HTTPError)
    return { code: `http_${e.statusCode ?? "error"}`, retryable: true, message };
  if (e?.code === ErrorCode.RequestError) return { code: "request_error", retryable: true, message };
  return { code: "error", retryable: true, message };
}

const watched = new WeakMap<WebClient, number>();

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
  watched.set(client, (watched.get(client) ?? 0) + 1);
  return () => {
    client.off(WebClientEvent.RATE_LIMITED, listener);
  };
}

export type ChannelKind = "exec" | "sop";

const CHANNEL_LABEL: Record<ChannelKind, string> = { exec: "the exec channel", sop: "the S&OP channel" };

/** The part of a job's context the output needs (tests build it without a scheduler). */
export type OutputContext = Pick<
  JobContext,
  "teamId" | "job" | "periodKey" | "config" | "log" | "recordFailure"
>;

export class JobOutput {
  /** Channels found unusable in this run: not tried again, admins told once. */
  private readonly badChannels = new Set<string>();

  constructor(
    readonly client: WebClient,
    private readonly ctx: OutputContext,
  ) {}

  private get config(): TeamConfig {
    return this.ctx.config;
  }

  /** Posts to the team's exec or S&OP channel; null when it failed (recorded on the run). */
  async postToChannel(
    kind: ChannelKind,
    message: SlackMessage,
    what: string,
  ): Promise<{ channel: string; ts: string } | null> {
    const channel = this.config.channels[kind];
    if (this.badChannels.has(channel)) return null;
    try {
      const res = await this.client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
      });
      return { channel: String(res.channel ?? channel), ts: String(res.ts) };
    } catch (err) {
      await this.failed(err, `chat.postMessage (${what}) to ${CHANNEL_LABEL[kind]} ${channel}`, {
        kind,
        channel,
      });
      return null;
    }
  }

  /** A direct message from the app; null when it failed (recorded on the run). */
  async dm(
    userId: string,
    message: SlackMessage,
    what: string,
  ): Promise<{ channel: string; ts: string } | null> {
    try {
      const res = await this.client.chat.postMessage({
        channel: userId,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
      });
      return { channel: String(res.channel ?? userId), ts: String(res.ts) };
    } catch (err) {
      await this.failed(err, `DM (${what}) to ${userId}`);
      return null;
    }
  }

  /**
   * Uploads files to a channel with files.uploadV2 (one completeUploadExternal for all). Slack shares
   * them asynchronously: the returned ids exist at once, the files show in the channel a moment later.
   */
  async uploadToChannel(
    kind: ChannelKind,
    files: { filename: string; title: string; data: Buffer; altText?: string }[],
    what: string,
    opts: { initialComment?: string; threadTs?: string } = {},
  ): Promise<{ id: string; title: string; permalink?: string }[] | null> {
    const channel = this.config.channels[kind];
    if (this.badChannels.has(channel)) return null;
    try {
      const res = (await this.client.files.uploadV2({
        channel_id: channel,
        ...(opts.initialComment ? { initial_comment: opts.initialComment } : {}),
        ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
        file_uploads: files.map((f) => ({
          file: f.data,
          filename: f.filename,
          title: f.title,
          ...(f.altText ? { alt_text: f.altText } : {}),
        })),
      } as never)) as unknown as {
        files?: { files?: { id: string; title?: string; permalink?: string }[] }[];
      };
      return (res.files ?? [])
        .flatMap((c) => c.files ?? [])
        .map((f) => ({ id: f.id, title: f.title ?? "", permalink: f.permalink }));
    } catch (err) {
      await this.failed(err, `files.uploadV2 (${what}) to ${CHANNEL_LABEL[kind]} ${channel}`, {
        kind,
        channel,
      });
      return null;
    }
  }

  private async failed(
    err: unknown,
    what: string,
    target?: { kind: ChannelKind; channel: string },
  ): Promise<void> {
    const { code, retryable, message } = classifySlackError(err);
    const failure: JobFailure = { what, code, retryable, message };
    this.ctx.recordFailure(failure);
    if (target && CHANNEL_PROBLEMS.has(code)) {
      this.badChannels.add(target.channel);
      const configKey = `channels.${target.kind}`;
      this.ctx.log.error(
        { channel: target.channel, code, configKey },
        `cannot post to ${CHANNEL_LABEL[target.kind]} ${target.channel}: ${code} — invite the bot or fix ${configKey} with /sop setup; admins notified, no retry this period`,
      );
      await this.alertAdmins(target.kind, target.channel, code);
      return;
    }
    this.ctx.log.warn({ code, retryable, what }, `Slack call failed: ${what}: ${code}`);
  }

  private async alertAdmins(kind: ChannelKind, channel: string, code: string): Promise<void> {
    const alert = channelProblemAlert({
      channel,
      label: CHANNEL_LABEL[kind],
      configKey: `channels.${kind}`,
      code,
      job: this.ctx.job,
      periodKey: this.ctx.periodKey,
    });
    for (const admin of this.config.admins) {
      try {
        await this.client.chat.postMessage({
          channel: admin,
          text: alert.text,
          blocks: alert.blocks,
        });
      } catch (err) {
        this.ctx.log.error(
          { admin, err: classifySlackError(err).code },
          "could not DM an admin about a channel problem",
        );
      }
    }
  }
}
