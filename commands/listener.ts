/**
 * The one wrapper around every listener: ack first (Slack's 3 s), then idempotency (Slack retries,
 * double clicks), timing, logging, and turning errors into a clear ephemeral message. Listeners stay
 * thin: they parse the payload, call the domain in src/, and render with views/.
 */

import type {
  AllMiddlewareArgs,
  BlockAction,
  RespondArguments,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { claimOnce, releaseClaim } from "../src/db/idempotency.ts";
import { isDatabaseOutage, UserError } from "../src/errors.ts";
import type { Logger } from "../src/logger.ts";
import { errorMessage } from "../views/error-message.ts";
import type { Message } from "../views/message.ts";
import type { AppDeps } from "./deps.ts";
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
  /** Sends an ephemeral reply to the person who acted. */
  reply: (message: Message) => Promise<void>;
}

/** Turns any failure into the message the user sees; logs what is not the user's doing. */
export function describeFailure(err: unknown, log: Logger): Message {
  if (err instanceof UserError) return errorMessage(err.message, err.details);
  if (isDatabaseOutage(err)) {
    log.warn({ err: (err as Error).message }, "database unavailable");
    return errorMessage(
      // Not "nothing was changed": the outage can start just after a commit (test/reliability/database-cut-mid-write).
      "The S&OP database is not reachable right now, so this may not have been done. Please try again in a minute (`/sop status` shows what was saved).",
    );
  }
  // Slack refusing a modal: trigger ids expire 3 s after the click (e.g. after a 429 wait) — not our bug.
  const slack = err as { code?: string; data?: { error?: string } };
  if (slack?.code === "slack_webapi_platform_error" && /trigger/.test(slack.data?.error ?? "")) {
    log.warn({ err: slack.data?.error }, "modal could not be opened");
    return errorMessage(
      "Slack took too long to open the form (it allows 3 seconds after your click). Nothing was changed; please run it again.",
    );
  }
  if (slack?.code === "slack_webapi_rate_limited_error") {
    log.warn("rate limited by Slack after retries");
    return errorMessage(
      "Slack is rate-limiting the app right now. Nothing was changed; please try again in a minute.",
    );
  }
  const ref = Math.random().toString(36).slice(2, 8);
  log.error({ err, ref }, "listener failed");
  return errorMessage(
    `Something went wrong on our side (ref ${ref}). Nothing was changed; please try again.`,
  );
}

/**
 * A listener's work after its ack: through the acks-first gate (commands/in-flight.ts), done once per
 * `key` (a Slack retry or double delivery is ignored), timed, and any failure told to the user.
 */
function scheduleWork<C extends ListenerContext>(
  ctx: C,
  key: string | undefined,
  handler: (ctx: C) => Promise<void>,
  urgent?: boolean,
): Promise<void> {
  const { deps, log, teamId } = ctx;
  return deps.inFlight.schedule(
    async () => {
      const started = performance.now();
      let claimed = false;
      try {
        if (key) {
          claimed = await claimOnce(teamId, key, deps.clock.now());
          if (!claimed) {
            log.info({ key }, "duplicate delivery ignored");
            return;
          }
        }
        await handler(ctx);
        log.info({ ms: Math.round(performance.now() - started) }, "handled");
      } catch (err) {
        // Give the key back so a genuine retry can succeed where this attempt failed.
        if (claimed && key) await releaseClaim(teamId, key).catch(() => {});
        await ctx
          .reply(describeFailure(err, log))
          .catch((e) => log.error({ err: e }, "could not tell the user about a failure"));
      }
    },
    { urgent },
  );
}

function ephemeralReplier(
  respond: ((message: RespondArguments) => Promise<unknown>) | undefined,
  client: WebClient,
  userId: string,
  channelId?: string,
) {
  return async (message: Message) => {
    if (respond) {
      await respond({ response_type: "ephemeral", replace_original: false, ...message });
    } else if (channelId) {
      await client.chat.postEphemeral({ channel: channelId, user: userId, ...message });
    } else {
      // No channel to answer in (App Home, modal): a DM from the app.
      const dm = await client.conversations.open({ users: userId });
      await client.chat.postMessage({ channel: dm.channel!.id!, ...message });
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
      command.channel_id,
    );
    const text = String(command.text ?? "");
    const key = command.trigger_id ? `cmd:${command.trigger_id}` : undefined;
    const ctx = {
      ...caller,
      client,
      log,
      deps,
      reply,
      text,
      channelId: String(command.channel_id ?? ""),
      triggerId: String(command.trigger_id ?? ""),
    };
    await scheduleWork(ctx, key, handler, opts.urgent?.(text));
  };
}

export type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** Buttons and other block actions: acked at once; one claim per interaction (trigger_id). */
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
    const caller = {
      teamId: String(body.team?.id ?? body.user?.team_id ?? ""),
      userId: String(body.user?.id ?? ""),
    };
    const action = body.actions?.[0];
    const log = deps.logger.child({
      kind: "action",
      team: caller.teamId,
      user: caller.userId,
      action: action?.action_id,
    });
    const channelId = body.channel?.id;
    const reply = ephemeralReplier(responseUrlResponder(body.response_url), client, caller.userId, channelId);
    if (!action || !caller.teamId || !caller.userId) {
      log.warn("malformed block_actions payload ignored");
      return;
    }
    const key = body.trigger_id ? `act:${body.trigger_id}` : undefined;
    const ctx = {
      ...caller,
      client,
      log,
      deps,
      reply,
      body,
      action,
      triggerId: String(body.trigger_id ?? ""),
    };
    await scheduleWork(ctx, key, handler, opts.urgent);
  };
}

export type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** What a view-submission body decides: the ack (close, errors, update) and optional work after it. */
export interface ViewOutcome {
  // biome-ignore lint/suspicious/noExplicitAny: the ack payload shapes are Slack's
  ack?: any;
  after?: () => Promise<void>;
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
    const caller = {
      teamId: String(body.team?.id ?? body.user?.team_id ?? ""),
      userId: String(body.user?.id ?? ""),
    };
    const log = deps.logger.child({
      kind: "view",
      team: caller.teamId,
      user: caller.userId,
      callback: view?.callback_id,
    });
    const reply = ephemeralReplier(undefined, client, caller.userId);
    const started = performance.now();
    let outcome: ViewOutcome;
    try {
      outcome = await handler({ ...caller, client, log, deps, reply, view, body });
    } catch (err) {
      const msg = describeFailure(err, log);
      const detail =
        err instanceof UserError && err.details.length ? `${msg.text}\n${err.details.join("\n")}` : msg.text;
      await args.ack({ response_action: "errors", errors: { [opts.errorBlockId]: detail.slice(0, 2000) } });
      return;
    }
    await args.ack(outcome.ack);
    log.info({ ms: Math.round(performance.now() - started) }, "acked");
    if (outcome.after) {
      const after = outcome.after;
      await deps.inFlight.schedule(() =>
        after().catch((err) => reply(describeFailure(err, log)).catch(() => {})),
      );
    }
  };
}
