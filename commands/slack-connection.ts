/**
 * The app's link to Slack's Web API at start. Bolt's initialisation (`auth.test` with the bot token, which
 * names the bot before any request is authorised; nothing to call with OAuth) and, in Socket Mode, the
 * connection are tried until they succeed: while Slack is unreachable or refuses, each attempt logs one
 * line naming the URL and what failed, attempts back off (doubling up to a minute), /healthz reports it,
 * and nothing becomes an unhandled rejection. HTTP (in Socket Mode: its own server for /healthz and
 * OAuth) is served meanwhile; requests are authorised once the
 * bot is known.
 */
import type { App, SocketModeReceiver } from "@slack/bolt";
import type { Logger } from "../src/logger.ts";

export interface SlackState {
  slack: "connecting" | "up" | "down";
  /** The Web API base URL tried. */
  url: string;
  /** What failed on the last attempt, while not up. */
  error?: string;
  attempts: number;
}

export interface SlackConnection {
  state(): SlackState;
  /** Settles after the first attempt, whether it succeeded or not. */
  firstAttempt: Promise<void>;
  stop(): void;
}

export interface SlackConnectionOptions {
  url: string;
  logger: Logger;
  /** Socket Mode's receiver: its connection is part of being up. */
  socket?: SocketModeReceiver;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

export function connectSlack(app: App, opts: SlackConnectionOptions): SlackConnection {
  const { url, logger } = opts;
  const firstDelay = opts.firstDelayMs ?? 1000;
  const maxDelay = opts.maxDelayMs ?? 60_000;
  const state: SlackState = { slack: "connecting", url, attempts: 0 };
  let initialised = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let settleFirst: () => void = () => {};
  const firstAttempt = new Promise<void>((resolve) => {
    settleFirst = resolve;
  });

  const attempt = async (delay: number): Promise<void> => {
    state.attempts += 1;
    try {
      if (!initialised) {
        await app.init();
        initialised = true;
      }
      if (opts.socket) await opts.socket.client.start();
      state.slack = "up";
      state.error = undefined;
      logger.info({ url, attempt: state.attempts }, "Slack reachable");
    } catch (err) {
      if (stopped) return;
      state.slack = "down";
      state.error = describeSlackFailure(err);
      const next = Math.min(delay * 2, maxDelay);
      logger.warn(
        { url, attempt: state.attempts, error: state.error, retryInS: delay / 1000 },
        `Slack not reachable at ${url} (${state.error}); retrying in ${delay / 1000} s`,
      );
      timer = setTimeout(() => void attempt(next), delay);
      timer.unref();
    } finally {
      settleFirst();
    }
  };
  // Socket Mode's own HTTP server (/healthz, OAuth paths) serves from the start, whether or not Slack
  // answers: what receiver.start() does, in two halves (listen now, connect on each attempt).
  if (opts.socket) listenSocketModeHttp(opts.socket);
  void attempt(firstDelay);
  return {
    state: () => ({ ...state }),
    firstAttempt,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

function listenSocketModeHttp(receiver: SocketModeReceiver): void {
  const r = receiver as unknown as { httpServer?: import("node:http").Server; httpServerPort?: number };
  if (r.httpServer && !r.httpServer.listening) r.httpServer.listen(r.httpServerPort);
}

/** What went wrong with a Web API call, in a few words (the error code Slack or the network gave). */
export function describeSlackFailure(err: unknown): string {
  const e = err as {
    code?: string;
    original?: NetworkError;
    data?: { error?: string };
    statusCode?: number;
    message?: string;
  };
  switch (e?.code) {
    case "slack_webapi_request_error":
      return `no answer: ${networkCause(e.original)}`;
    case "slack_webapi_platform_error": {
      const code = e.data?.error ?? "error";
      const token = /invalid_auth|not_authed|account_inactive|token_revoked|token_expired/.test(code);
      return token ? `refused: ${code}; check SLACK_BOT_TOKEN` : `refused: ${code}`;
    }
    case "slack_webapi_http_error":
      return `answered HTTP ${e.statusCode}`;
    case "slack_webapi_rate_limited_error":
      return "rate limited";
    default:
      return e?.message ?? String(err);
  }
}

interface NetworkError {
  code?: string;
  message?: string;
  cause?: NetworkError;
}

/** The innermost code of a network failure (fetch wraps ECONNREFUSED, ENOTFOUND… as "fetch failed"). */
function networkCause(err: NetworkError | undefined): string {
  let e = err;
  while (e?.cause && typeof e.cause === "object") e = e.cause;
  const host = (e as { hostname?: string } | undefined)?.hostname;
  const code = e?.code ?? e?.message ?? err?.message ?? "request failed";
  return host ? `${code} ${host}` : code;
}
