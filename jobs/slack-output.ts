/**
 * How scheduled jobs talk to Slack. Every post goes through here so that failures are handled the same
 * way everywhere, and so that output that must happen once does (src/store/outbox.ts):
 * - once per run period: each post, upload or DM is an outbox item (team, job, period, item) recorded
 *   before the call and its answer after; a retried run reuses what was sent and sends only what is
 *   missing. An item whose answer was never recorded (crash, database lost, no answer from Slack) is not
 *   sent again: the admins are told once that it may be missing.
 * - HTTP 429: the Web API client waits for Retry-After and retries by itself (Bolt's client is built
 *   with `retryConfig` in commands/receiver.ts); `watchRateLimits` (slack-errors.ts) logs each one.
 * - `channel_not_found` / `not_in_channel` / archived: one clear log line and one DM to each admin per
 *   run and channel, no further attempts at that channel in the run, and a non-retryable failure on the
 *   run record (a retry cannot fix configuration) — never a crash loop.
 * - anything else: recorded on the run record with whether a retry may help.
 */
import type { WebClient } from "@slack/web-api";
import type { JobContext, JobFailure } from "../src/schedule/job.ts";
import type { OutboxOutcome } from "../src/store/outbox.ts";
import type { TeamConfig } from "../src/team/team-config.ts";
import { channelProblemAlert, outcomeUnknownAlert } from "../views/job-alert.ts";
import type { KnownBlock } from "../views/message.ts";
import { type SendOnceResult, sendOnce } from "./send-once.ts";
import { CHANNEL_PROBLEMS, classifySlackError } from "./slack-errors.ts";

export interface SlackMessage {
  text: string;
  blocks?: KnownBlock[];
}

export type ChannelKind = "exec" | "sop";

const CHANNEL_LABEL: Record<ChannelKind, string> = { exec: "the exec channel", sop: "the S&OP channel" };

/** The part of a job's context the output needs (tests build it without a scheduler). */
export type OutputContext = Pick<
  JobContext,
  "teamId" | "job" | "periodKey" | "config" | "log" | "recordFailure"
> &
  Partial<Pick<JobContext, "signal">>;

/** One piece of output: what it is (logs, run record, alerts) and its outbox item within the run. */
export interface Send {
  what: string;
  /** Unique within the run's period ("digest", "digest-charts", a reminder's key). */
  item: string;
  /** For the admins when it may be missing: how to get it out by hand. */
  ifMissing?: string;
}

type Target = { kind: ChannelKind; channel: string };
type UploadedFile = { id: string; title: string; permalink?: string };

export class JobOutput {
  /** Channels found unusable in this run: not tried again, admins told once. */
  private readonly badChannels = new Set<string>();
  /** Scheduled runs send each item once per period; on-demand output (`once: false`) just sends. */
  private readonly once: boolean;
  /** What this output did with its items: sent now, found sent before, not sent, outcome unknown. */
  readonly tally = { sent: 0, sentBefore: 0, failed: 0, unknown: 0 };

  constructor(
    readonly client: WebClient,
    private readonly ctx: OutputContext,
    opts: { once?: boolean } = {},
  ) {
    this.once = opts.once ?? true;
  }

  private get config(): TeamConfig {
    return this.ctx.config;
  }

  /** Posts to the team's exec or S&OP channel; null when it was not (recorded on the run). */
  async postToChannel(
    kind: ChannelKind,
    message: SlackMessage,
    send: Send,
  ): Promise<{ channel: string; ts: string } | null> {
    const channel = this.config.channels[kind];
    if (this.badChannels.has(channel)) return null;
    const what = { ...send, what: `chat.postMessage (${send.what}) to ${CHANNEL_LABEL[kind]} ${channel}` };
    const r = await this.exactlyOnce(what, channel, { kind, channel }, () => this.post(channel, message));
    return r?.ts ? { channel: r.channel, ts: r.ts } : null;
  }

  /** A direct message from the app; null when it was not (recorded on the run). */
  async dm(
    userId: string,
    message: SlackMessage,
    send: Send,
  ): Promise<{ channel: string; ts: string } | null> {
    const what = { ...send, what: `DM (${send.what}) to ${userId}` };
    const r = await this.exactlyOnce(what, userId, undefined, () => this.post(userId, message));
    return r?.ts ? { channel: r.channel, ts: r.ts } : null;
  }

  private async post(channel: string, message: SlackMessage): Promise<OutboxOutcome> {
    const res = await this.client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
    });
    return { channel: String(res.channel ?? channel), ts: String(res.ts) };
  }

  /**
   * Uploads files to a channel with files.uploadV2 (one completeUploadExternal for all), as one outbox
   * item. Slack shares them asynchronously: the returned ids exist at once, the files show a moment later.
   */
  async uploadToChannel(
    kind: ChannelKind,
    files: { filename: string; title: string; data: Buffer; altText?: string }[],
    send: Send,
    opts: { initialComment?: string; threadTs?: string } = {},
  ): Promise<UploadedFile[] | null> {
    const channel = this.config.channels[kind];
    if (this.badChannels.has(channel)) return null;
    const what = { ...send, what: `files.uploadV2 (${send.what}) to ${CHANNEL_LABEL[kind]} ${channel}` };
    const r = await this.exactlyOnce(what, channel, { kind, channel }, async () => {
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
      const uploaded = (res.files ?? [])
        .flatMap((c) => c.files ?? [])
        .map((f) => ({ id: f.id, title: f.title ?? "", ...(f.permalink ? { permalink: f.permalink } : {}) }));
      return { channel, files: uploaded };
    });
    return r ? (r.files ?? []) : null;
  }

  /**
   * Makes a Slack call at most once per run period (scheduled runs) and exactly once unless its answer
   * was lost: through the outbox, see src/store/outbox.ts. Null when it was not sent now and not before.
   */
  private async exactlyOnce(
    send: Send,
    where: string,
    target: Target | undefined,
    call: () => Promise<OutboxOutcome>,
  ): Promise<OutboxOutcome | null> {
    if (this.ctx.signal?.aborted) return null;
    let r: SendOnceResult;
    if (this.once) r = await sendOnce({ ...this.runKey, item: send.item }, send.what, call);
    else
      r = await call().then(
        (outcome): SendOnceResult => ({ kind: "sent", outcome, now: true }),
        (err): SendOnceResult => ({ kind: "refused", err }),
      );
    switch (r.kind) {
      case "sent":
        this.tally[r.now ? "sent" : "sentBefore"] += 1;
        return r.outcome;
      case "refused":
        this.tally.failed += 1;
        await this.failed(r.err, send.what, target);
        return null;
      case "busy":
        this.tally.failed += 1;
        this.ctx.recordFailure({ what: send.what, code: "outbox_busy", retryable: true });
        return null;
      case "unknown":
        this.tally.unknown += 1;
        if (r.first) await this.mayBeMissing(send, where, r.since);
        return null;
    }
  }

  /** Recorded on the run (retrying does not resend it) and the admins told once. */
  private async mayBeMissing(send: Send, where: string, since: Date): Promise<void> {
    this.ctx.recordFailure({ what: send.what, code: "outcome_unknown", retryable: true });
    this.ctx.log.error(
      { item: send.item, since: since.toISOString() },
      `outcome unknown: ${send.what} may or may not have gone out; not sent again (admins told)`,
    );
    const alert = outcomeUnknownAlert({
      what: send.what,
      where,
      since,
      timezone: this.config.timezone,
      job: this.ctx.job,
      periodKey: this.ctx.periodKey,
      ifMissing: send.ifMissing,
    });
    await this.tellAdmins(alert, `unknown|${send.item}`);
  }

  private async failed(err: unknown, what: string, target?: Target): Promise<void> {
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
      const alert = channelProblemAlert({
        channel: target.channel,
        label: CHANNEL_LABEL[target.kind],
        configKey,
        code,
        job: this.ctx.job,
        periodKey: this.ctx.periodKey,
      });
      await this.tellAdmins(alert, `channel|${target.kind}|${code}`);
      return;
    }
    this.ctx.log.warn({ code, retryable, what }, `Slack call failed: ${what}: ${code}`);
  }

  /** A DM to each admin, once per run period in scheduled runs; a failure is logged, not recorded. */
  private async tellAdmins(alert: SlackMessage, item: string): Promise<void> {
    for (const admin of this.config.admins) {
      const dm = () => this.post(admin, alert);
      try {
        const r = this.once
          ? await sendOnce({ ...this.runKey, item: `alert|${item}|${admin}` }, `alert to ${admin}`, dm)
          : await dm();
        if ("kind" in r && r.kind === "refused") throw r.err;
      } catch (err) {
        this.ctx.log.error(
          { admin, err: classifySlackError(err).code },
          "could not DM an admin about a job problem",
        );
      }
    }
  }

  private get runKey() {
    return { teamId: this.ctx.teamId, job: this.ctx.job, periodKey: this.ctx.periodKey };
  }
}
