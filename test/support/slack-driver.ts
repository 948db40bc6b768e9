/**
 * Sends requests to the app over real HTTP, signed exactly as Slack signs them: `v0:` + timestamp + `:` +
 * raw body, HMAC-SHA256 with the signing secret, in X-Slack-Signature / X-Slack-Request-Timestamp.
 * Payload shapes follow Slack's documentation for slash commands, block_actions, view_submission and events.
 * Given a Socket Mode stand-in, the same payloads go as envelopes over its WebSocket instead. Either way
 * an ack later than Slack's 3 s throws: the user would have seen an error.
 */
import { createHmac, randomBytes } from "node:crypto";
import { parse as parseQuery, stringify } from "node:querystring";
import { ACK_LIMIT_MS, slackDeadline } from "./slack-deadlines.ts";
import type { SlackStandIn } from "./slack-standin.ts";
import type { EnvelopeType, SocketModeStandIn } from "./socket-mode-standin.ts";

type Json = Record<string, unknown>;

export interface Actor {
  teamId: string;
  userId: string;
}

export interface HttpResult {
  status: number;
  body: string;
  json: Json | null;
  ms: number;
}

export interface SignOptions {
  /** Seconds since epoch; default now. */
  timestamp?: number;
  /** Replace the computed signature (bad-signature tests); null omits the header. */
  signature?: string | null;
  retryNum?: number;
  /** Do not throw for an ack later than 3 s (tests of what happens then). */
  allowLateAck?: boolean;
}

export function signRequest(secret: string, body: string, timestamp: number): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export function newTriggerId(userId: string): string {
  return `${Date.now()}.${userId}.${randomBytes(8).toString("hex")}`;
}

export class SlackDriver {
  /** The ack deadline in ms; unset: Slack's 3 s (stretched on a busy machine, see slack-deadlines.ts). */
  ackLimitMs: number | undefined;

  constructor(
    readonly eventsUrl: string,
    private readonly signingSecret: string,
    readonly standIn: SlackStandIn,
    /** Deliver over Socket Mode instead of signed HTTP. */
    readonly socketMode?: SocketModeStandIn,
  ) {}

  /** Delivers a request as Slack would (HTTP body, or the same payload as a Socket Mode envelope). */
  async post(body: string, contentType: string, opts: SignOptions = {}): Promise<HttpResult> {
    const result = this.socketMode
      ? await this.viaSocket(body, contentType, opts)
      : await this.viaHttp(body, contentType, opts);
    if (result.ms > (this.ackLimitMs ?? slackDeadline(ACK_LIMIT_MS)) && !opts.allowLateAck)
      throw new Error(`ack after ${Math.round(result.ms)} ms: Slack gives up after 3 s and shows an error`);
    return result;
  }

  private async viaSocket(body: string, contentType: string, opts: SignOptions): Promise<HttpResult> {
    let type: EnvelopeType;
    let payload: Json;
    if (contentType === "application/json") {
      type = "events_api";
      payload = JSON.parse(body) as Json;
    } else {
      const form = parseQuery(body) as Record<string, string>;
      type = form.payload !== undefined ? "interactive" : "slash_commands";
      payload = form.payload !== undefined ? (JSON.parse(form.payload) as Json) : form;
    }
    const ack = await this.socketMode!.send(type, payload, { retryAttempt: opts.retryNum });
    const json = Object.keys(ack.payload).length ? ack.payload : null;
    return { status: 200, body: json ? JSON.stringify(json) : "", json, ms: ack.ms };
  }

  private async viaHttp(body: string, contentType: string, opts: SignOptions): Promise<HttpResult> {
    const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      "content-type": contentType,
      "x-slack-request-timestamp": String(ts),
    };
    const signature =
      opts.signature === undefined ? signRequest(this.signingSecret, body, ts) : opts.signature;
    if (signature !== null) headers["x-slack-signature"] = signature;
    if (opts.retryNum !== undefined) {
      headers["x-slack-retry-num"] = String(opts.retryNum);
      headers["x-slack-retry-reason"] = "http_timeout";
    }
    const started = performance.now();
    const res = await fetch(this.eventsUrl, { method: "POST", headers, body });
    const text = await res.text();
    let json: Json | null = null;
    try {
      json = text ? (JSON.parse(text) as Json) : null;
    } catch {
      json = null;
    }
    return { status: res.status, body: text, json, ms: performance.now() - started };
  }

  /** Form body of a slash command; returns it so tests can replay it. */
  commandBody(
    actor: Actor,
    text: string,
    extra: Json = {},
  ): { body: string; responseId: string; triggerId: string } {
    const { id, url } = this.standIn.newResponseUrl();
    const triggerId = newTriggerId(actor.userId);
    const body = stringify({
      token: "legacy-verification-token",
      team_id: actor.teamId,
      team_domain: actor.teamId.toLowerCase(),
      channel_id: "C0SOP",
      channel_name: "sop",
      user_id: actor.userId,
      user_name: actor.userId.toLowerCase(),
      command: "/sop",
      text,
      api_app_id: "A0SOP",
      is_enterprise_install: "false",
      response_url: url,
      trigger_id: triggerId,
      ...extra,
    } as Record<string, string>);
    return { body, responseId: id, triggerId };
  }

  /** `/sop TEXT` as `actor`; resolves with the HTTP ack and the response_url id to watch. */
  async command(actor: Actor, text: string, opts: SignOptions & { extra?: Json } = {}) {
    const { body, responseId, triggerId } = this.commandBody(actor, text, opts.extra);
    const http = await this.post(body, "application/x-www-form-urlencoded", opts);
    return { http, responseId, triggerId, body };
  }

  /** Waits for the first (or n-th) response_url post of a command or action. */
  async reply(responseId: string, n = 1, timeoutMs = 5000): Promise<Json> {
    const posts = await this.standIn.waitFor(
      () => {
        const p = this.standIn.responsesTo(responseId);
        return p.length >= n ? p : undefined;
      },
      timeoutMs,
      `response_url post #${n}`,
    );
    return posts[n - 1]!.body;
  }

  interactiveBody(payload: Json): string {
    return stringify({ payload: JSON.stringify(payload) });
  }

  /** A button click (block_actions) on a message in `channel`. */
  async click(
    actor: Actor,
    action: { actionId: string; value?: string; blockId?: string },
    where: { channel?: string; messageTs?: string; message?: Json; view?: Json } = {},
    opts: SignOptions = {},
  ) {
    const { id, url } = this.standIn.newResponseUrl();
    const triggerId = newTriggerId(actor.userId);
    const inMessage = where.view === undefined;
    const payload: Json = {
      type: "block_actions",
      user: {
        id: actor.userId,
        username: actor.userId.toLowerCase(),
        name: actor.userId.toLowerCase(),
        team_id: actor.teamId,
      },
      api_app_id: "A0SOP",
      token: "legacy-verification-token",
      container: inMessage
        ? {
            type: "message",
            message_ts: where.messageTs ?? "1.000001",
            channel_id: where.channel ?? "C0SOP",
            is_ephemeral: false,
          }
        : { type: "view", view_id: where.view?.id },
      trigger_id: triggerId,
      team: { id: actor.teamId, domain: actor.teamId.toLowerCase() },
      enterprise: null,
      is_enterprise_install: false,
      ...(inMessage
        ? {
            channel: { id: where.channel ?? "C0SOP", name: "sop" },
            message: where.message ?? {
              type: "message",
              ts: where.messageTs ?? "1.000001",
              text: "",
              blocks: [],
            },
            response_url: url,
          }
        : { view: where.view }),
      state: { values: {} },
      actions: [
        {
          action_id: action.actionId,
          block_id: action.blockId ?? "actions",
          text: { type: "plain_text", text: action.actionId, emoji: true },
          value: action.value,
          type: "button",
          action_ts: `${Date.now() / 1000}`,
        },
      ],
    };
    const body = this.interactiveBody(payload);
    const http = await this.post(body, "application/x-www-form-urlencoded", opts);
    return { http, responseId: id, triggerId, body, payload };
  }

  /** Clicks a button found in a message the app posted (by action_id), as Slack would send it. */
  async clickInMessage(
    actor: Actor,
    message: { channel: string; ts: string; blocks?: unknown[]; text?: string },
    actionId: string,
    opts: SignOptions = {},
  ) {
    const button = findElement(message.blocks ?? [], actionId);
    if (!button) throw new Error(`no element ${actionId} in message ${message.ts}`);
    return this.click(
      actor,
      { actionId, value: button.element.value as string | undefined, blockId: button.blockId },
      {
        channel: message.channel,
        messageTs: message.ts,
        message: { type: "message", ts: message.ts, text: message.text ?? "", blocks: message.blocks ?? [] },
      },
      opts,
    );
  }

  /** A message shortcut (`message_action`) on a message in a channel, as Slack sends it. */
  async messageShortcut(
    actor: Actor,
    callbackId: string,
    message: { channel: string; ts: string; text?: string; user?: string },
    opts: SignOptions = {},
  ) {
    const { id, url } = this.standIn.newResponseUrl();
    const triggerId = newTriggerId(actor.userId);
    const payload: Json = {
      type: "message_action",
      token: "legacy-verification-token",
      action_ts: `${Date.now() / 1000}`,
      team: { id: actor.teamId, domain: actor.teamId.toLowerCase() },
      user: {
        id: actor.userId,
        name: actor.userId.toLowerCase(),
        username: actor.userId.toLowerCase(),
        team_id: actor.teamId,
      },
      channel: { id: message.channel, name: message.channel.toLowerCase() },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: callbackId,
      trigger_id: triggerId,
      response_url: url,
      message_ts: message.ts,
      message: {
        type: "message",
        user: message.user ?? "U0SOMEONE",
        ts: message.ts,
        text: message.text ?? "",
      },
    };
    const body = this.interactiveBody(payload);
    const http = await this.post(body, "application/x-www-form-urlencoded", opts);
    return { http, responseId: id, triggerId, body, payload };
  }

  /**
   * Submits a modal the app opened. `values` maps block_id → action_id → state value, as Slack reports it
   * (e.g. `{ type: "plain_text_input", value: "…" }`).
   */
  async submitView(
    actor: Actor,
    view: Json & { id?: string },
    values: Record<string, Record<string, Json>>,
    opts: SignOptions = {},
  ) {
    const payload: Json = {
      type: "view_submission",
      team: { id: actor.teamId, domain: actor.teamId.toLowerCase() },
      user: {
        id: actor.userId,
        username: actor.userId.toLowerCase(),
        name: actor.userId.toLowerCase(),
        team_id: actor.teamId,
      },
      api_app_id: "A0SOP",
      token: "legacy-verification-token",
      trigger_id: newTriggerId(actor.userId),
      view: {
        id: view.id ?? `V${randomBytes(4).toString("hex").toUpperCase()}`,
        team_id: actor.teamId,
        type: "modal",
        blocks: view.blocks ?? [],
        private_metadata: view.private_metadata ?? "",
        callback_id: view.callback_id ?? "",
        state: { values },
        hash: "h",
        title: view.title ?? { type: "plain_text", text: "Modal" },
        app_id: "A0SOP",
        bot_id: "B0BOT",
      },
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
    const body = this.interactiveBody(payload);
    const http = await this.post(body, "application/x-www-form-urlencoded", opts);
    return { http, body, payload };
  }

  /** An Events API delivery (e.g. app_home_opened). Send `body` again with `retryNum` for Slack's retry. */
  async event(teamId: string, event: Json, opts: SignOptions & { eventId?: string } = {}) {
    const { payload, body } = this.eventBody(teamId, event, opts.eventId);
    const http = await this.post(body, "application/json", opts);
    return { http, body, payload };
  }

  /** The JSON body of an Events API delivery, not sent (to send it, and its retries, as a test needs). */
  eventBody(teamId: string, event: Json, eventId?: string) {
    const payload = {
      token: "legacy-verification-token",
      team_id: teamId,
      api_app_id: "A0SOP",
      event,
      type: "event_callback",
      event_id: eventId ?? `Ev${randomBytes(5).toString("hex").toUpperCase()}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: teamId, user_id: "U0BOT", is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    };
    return { payload, body: JSON.stringify(payload) };
  }
}

/** Finds an interactive element by action_id in Block Kit blocks. */
export function findElement(
  blocks: unknown[],
  actionId: string,
): { blockId?: string; element: Json } | undefined {
  for (const raw of blocks) {
    const b = raw as Json;
    const elements = [
      ...((b.elements as Json[] | undefined) ?? []),
      ...(b.accessory ? [b.accessory as Json] : []),
      ...(b.element ? [b.element as Json] : []),
    ];
    const el = elements.find((e) => e.action_id === actionId);
    if (el) return { blockId: b.block_id as string | undefined, element: el };
  }
  return undefined;
}
