/**
 * The one wrapper around every listener: ack first (Slack's 3 s), then the work, timed and logged, with
 * errors turned into a clear ephemeral message that says whether anything was saved. Listeners stay
 * thin: they parse the payload, call the domain in src/, and render with views/.
 */

import type {
  AllMiddlewareArgs,
  BlockAction,
  MessageShortcut,
  RespondArguments,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewResponseAction,
  ViewSubmitAction,
} from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { UserError } from "../src/errors.ts";
import { type Logger, logFailure } from "../src/logger.ts";
import type { Message } from "../views/message.ts";
import type { AppDeps } from "./deps.ts";
import { CommitRecord, describeFailure, type RequestKind } from "./failure-message.ts";
import { responseUrlResponder } from "./response-url.ts";

export interface Caller {
  teamId: string;
  userId: string;
}

/** What a listener's body gets, whatever kind of request it came from. */
export interface ListenerContext extends Caller {
  client: WebClient;
  log: Logger;
  deps: AppDeps;
  /** The kind of request (a failure message says how to repeat it). */
  kind: RequestKind;
  /** Sends an ephemeral reply to the person who acted. */
  reply: (message: Message) => Promise<void>;
  /** Whether this request's state change was saved, so a failure message says only what is true. */
  record: CommitRecord;
  /** Runs the request's state change (`what`: "your approval of Demand review v2"), recording the outcome. */
  commit<T>(what: string, fn: () => Promise<T>): Promise<T>;
}

/** Who sent an interaction payload (block action, shortcut, view submission): the team falls back to the user's. */
function interactionCaller(body: {
  team?: { id?: string } | null;
  user?: { id?: string; team_id?: string } | null;
}): Caller {
  return { teamId: String(body.team?.id ?? body.user?.team_id ?? ""), userId: String(body.user?.id ?? "") };
}

/** The parts of a context every kind of request shares. */
function baseContext(
  kind: RequestKind,
  deps: AppDeps,
  caller: Caller,
  client: WebClient,
  log: Logger,
  reply: ListenerContext["reply"],
) {
  const record = new CommitRecord();
  return {
    ...caller,
    client,
    log,
    deps,
    kind,
    reply,
    record,
    commit: <T>(what: string, fn: () => Promise<T>) => record.commit(what, fn),
  };
}

/**
 * A listener's work after its ack: through the acks-first gate (commands/in-flight.ts), timed, and any
 * failure told to the user truthfully (what was saved, what was not). No claim per request: Slack does
 * not retry commands or interactivity, and a double click is harmless because every state change is a
 * compare-and-set in the domain.
 */
function scheduleWork<C extends ListenerContext>(
  ctx: C,
  handler: (ctx: C) => Promise<void>,
  urgent?: boolean,
): Promise<void> {
  const { deps, log } = ctx;
  return deps.inFlight.schedule(
    async () => {
      const started = performance.now();
      try {
        await handler(ctx);
        log.info({ ms: Math.round(performance.now() - started) }, "handled");
      } catch (err) {
        await tellFailure(ctx, err);
      }
    },
    { urgent },
  );
}

async function tellFailure(ctx: ListenerContext, err: unknown): Promise<void> {
  await tellFailureMessage(ctx, describeFailure(err, ctx.log, ctx.record, ctx.kind));
}

async function tellFailureMessage(ctx: ListenerContext, message: Message): Promise<void> {
  await ctx.reply(message).catch((e) => logFailure(ctx.log, e, "could not tell the user about a failure"));
}

/**
 * Ephemeral replies: through response_url when there is one, else (or when Slack refuses it: it is
 * good for 5 posts in 30 minutes) as an ephemeral message in the channel, else as a DM from the app.
 */
function ephemeralReplier(
  respond: ((message: RespondArguments) => Promise<unknown>) | undefined,
  client: WebClient,
  userId: string,
  log: Logger,
  channelId?: string,
) {
  const dm = async (message: Message) => {
    const opened = await client.conversations.open({ users: userId });
    await client.chat.postMessage({ channel: opened.channel?.id ?? userId, ...message });
  };
  const inChannel = async (message: Message) => {
    if (!channelId) return dm(message);
    try {
      await client.chat.postEphemeral({ channel: channelId, user: userId, ...message });
    } catch (err) {
      logFailure(log, err, "ephemeral reply refused; sending a DM", { channel: channelId }, "warn");
      await dm(message);
    }
  };
  return async (message: Message) => {
    if (!respond) return inChannel(message);
    try {
      await respond({ response_type: "ephemeral", replace_original: false, ...message });
    } catch (err) {
      logFailure(log, err, "response_url refused the reply; answering another way", {}, "warn");
      await inChannel(message);
    }
  };
}

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * Slash commands: acked at once with no body; the answer follows through response_url. `urgent` marks
 * the texts whose work opens a modal (its trigger_id lapses 3 s after the command): they skip the queue.
 */
export function wrapCommand(
  deps: AppDeps,
  handler: (ctx: ListenerContext & { text: string; channelId: string; triggerId: string }) => Promise<void>,
  opts: { urgent?: (text: string) => boolean } = {},
) {
  return async (args: CommandArgs) => {
    await args.ack();
    const { command, client } = args;
    const caller = { teamId: String(command.team_id ?? ""), userId: String(command.user_id ?? "") };
    const log = deps.logger.child({
      kind: "command",
      team: caller.teamId,
      user: caller.userId,
      text: String(command.text ?? "").slice(0, 80),
    });
    const reply = ephemeralReplier(
      responseUrlResponder(command.response_url),
      client,
      caller.userId,
      log,
      command.channel_id,
    );
    const text = String(command.text ?? "");
    const ctx = {
      ...baseContext("command", deps, caller, client, log, reply),
      text,
      channelId: String(command.channel_id ?? ""),
      triggerId: String(command.trigger_id ?? ""),
    };
    await scheduleWork(ctx, handler, opts.urgent?.(text));
  };
}

export type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** Buttons and other block actions: acked at once; the work follows. */
export function wrapAction(
  deps: AppDeps,
  handler: (
    ctx: ListenerContext & { body: BlockAction; action: BlockAction["actions"][number]; triggerId: string },
  ) => Promise<void>,
  opts: { urgent?: boolean } = {},
) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { body, client } = args;
    const caller = interactionCaller(body);
    const action = body.actions?.[0];
    const log = deps.logger.child({
      kind: "action",
      team: caller.teamId,
      user: caller.userId,
      action: action?.action_id,
    });
    const channelId = body.channel?.id;
    const reply = ephemeralReplier(
      responseUrlResponder(body.response_url),
      client,
      caller.userId,
      log,
      channelId,
    );
    if (!action || !caller.teamId || !caller.userId) {
      log.warn("malformed block_actions payload ignored");
      return;
    }
    const ctx = {
      ...baseContext("action", deps, caller, client, log, reply),
      body,
      action,
      triggerId: String(body.trigger_id ?? ""),
    };
    await scheduleWork(ctx, handler, opts.urgent);
  };
}

export type MessageShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * Message shortcuts: acked at once; the work follows ahead of the queue, because it opens a modal and
 * the trigger_id lapses 3 s after the click.
 */
export function wrapMessageShortcut(
  deps: AppDeps,
  handler: (ctx: ListenerContext & { shortcut: MessageShortcut; triggerId: string }) => Promise<void>,
) {
  return async (args: MessageShortcutArgs) => {
    await args.ack();
    const { shortcut, client } = args;
    const caller = interactionCaller(shortcut);
    const log = deps.logger.child({
      kind: "shortcut",
      team: caller.teamId,
      user: caller.userId,
      callback: shortcut.callback_id,
    });
    if (!caller.teamId || !caller.userId) {
      log.warn("malformed message_action payload ignored");
      return;
    }
    const reply = ephemeralReplier(
      responseUrlResponder(shortcut.response_url),
      client,
      caller.userId,
      log,
      shortcut.channel?.id,
    );
    const ctx = {
      ...baseContext("shortcut", deps, caller, client, log, reply),
      shortcut,
      triggerId: String(shortcut.trigger_id ?? ""),
    };
    await scheduleWork(ctx, handler, true);
  };
}

export type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** What a view-submission body decides: the ack (close, errors, update) and optional work after it. */
export interface ViewOutcome {
  ack?: ViewResponseAction;
  after?: () => Promise<void>;
}

/** A view submission's validation before its ack taking this long is logged as a warning. */
const SLOW_ACK_MS = 1000;

/** The ack that keeps a modal open with `text` under the input `block`. */
export function modalErrors(block: string, text: string): ViewOutcome {
  return { ack: { response_action: "errors", errors: { [block]: text } } };
}

/**
 * Modal submissions: validation runs before the ack so errors show in the modal
 * (`response_action: "errors"` keyed by block_id); slow work runs after it.
 */
export function wrapViewSubmission(
  deps: AppDeps,
  opts: { errorBlockId: string },
  handler: (
    ctx: ListenerContext & { view: ViewSubmitAction["view"]; body: ViewSubmitAction },
  ) => Promise<ViewOutcome>,
) {
  return async (args: ViewArgs) => {
    const { body, client, view } = args;
    const caller = interactionCaller(body);
    const log = deps.logger.child({
      kind: "view",
      team: caller.teamId,
      user: caller.userId,
      callback: view?.callback_id,
    });
    const reply = ephemeralReplier(undefined, client, caller.userId, log);
    const ctx = { ...baseContext("view", deps, caller, client, log, reply), view, body };
    const started = performance.now();
    let outcome: ViewOutcome;
    try {
      outcome = await handler(ctx);
    } catch (err) {
      const msg = describeFailure(err, log, ctx.record, ctx.kind);
      if (ctx.record.status === "saved") {
        // Saved before the ack: close the modal (the change stands) and say what went wrong after it.
        await args.ack();
        await deps.inFlight.schedule(() => tellFailureMessage(ctx, msg));
        return;
      }
      const detail =
        err instanceof UserError && err.details.length ? `${msg.text}\n${err.details.join("\n")}` : msg.text;
      await args.ack({ response_action: "errors", errors: { [opts.errorBlockId]: detail.slice(0, 2000) } });
      return;
    }
    await args.ack(outcome.ack);
    // A line per ack costs every submission a synchronous write; only a slow one is worth it at info.
    const ms = Math.round(performance.now() - started);
    if (ms >= SLOW_ACK_MS) log.warn({ ms }, "slow ack (Slack gives up after 3 s)");
    else log.debug({ ms }, "acked");
    if (outcome.after) {
      const after = outcome.after;
      await deps.inFlight.schedule(() => after().catch((err) => tellFailure(ctx, err)));
    }
  };
}
