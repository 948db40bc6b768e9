/**
 * What a person is told when their request failed, and only what is true: whether their change was
 * saved is known from the request's commit record (`CommitRecord`), which listeners keep by running
 * their one state change through `ctx.commit(what, fn)`. Every failure that is not the person's doing
 * is logged once with a `ref` they also see.
 */
import { isDatabaseOutage, UserError } from "../src/errors.ts";
import { type Logger, logFailure } from "../src/logger.ts";
import { errorMessage } from "../views/error-message.ts";
import type { Message } from "../views/message.ts";
import { slackErrorText } from "./next-step.ts";

/**
 * Where a request stands with respect to its state change: nothing attempted; attempted with an
 * unknown outcome (the write itself failed); or saved (a description of what, for the message).
 */
export class CommitRecord {
  private state: { kind: "none" } | { kind: "attempted"; what: string } | { kind: "saved"; what: string } = {
    kind: "none",
  };

  /** Runs the one state change of the request; a UserError from it means it refused and changed nothing. */
  async commit<T>(what: string, fn: () => Promise<T>): Promise<T> {
    this.state = { kind: "attempted", what };
    try {
      const result = await fn();
      this.state = { kind: "saved", what };
      return result;
    } catch (err) {
      if (err instanceof UserError && !isDatabaseOutage(err)) this.state = { kind: "none" };
      throw err;
    }
  }

  /** The commit found the change already made (e.g. a cycle already started): nothing was changed now. */
  unchanged(): void {
    this.state = { kind: "none" };
  }

  get status(): "none" | "attempted" | "saved" {
    return this.state.kind;
  }

  get what(): string | null {
    return this.state.kind === "none" ? null : this.state.what;
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What kind of Slack request failed: it decides how the person repeats it. */
export type RequestKind = "command" | "action" | "shortcut" | "view";

/** Slack lets a modal open only within 3 s of the request that carries the trigger, and only once. */
const FORM_NOT_OPENED: Record<RequestKind, string> = {
  command:
    "Slack did not open the form: it has to open within 3 seconds of the command, and only once. Nothing was changed; please run the command again.",
  action:
    "Slack did not open the form: it has to open within 3 seconds of your click, and only once. Nothing was changed; please click the button again.",
  shortcut:
    "Slack did not open the form: it has to open within 3 seconds of choosing the shortcut, and only once. Nothing was changed; please choose the shortcut on the message again.",
  view: "Slack did not open the next form: it has to open within 3 seconds of your submit, and only once. Nothing was changed; please submit again.",
};

/** Turns a failure into the message the user sees; logs what is not the user's doing. */
export function describeFailure(
  err: unknown,
  log: Logger,
  record = new CommitRecord(),
  kind: RequestKind = "command",
): Message {
  const what = record.what;
  if (record.status === "saved") {
    const ref = logFailure(log, err, "failed after the change was saved", { saved: what });
    const why =
      err instanceof UserError && !isDatabaseOutage(err)
        ? slackErrorText(err)
        : isDatabaseOutage(err)
          ? "the S&OP database stopped answering"
          : "something went wrong on our side";
    return errorMessage(
      `${capital(what!)} was saved. After that, ${why} (ref ${ref}), so some follow-up messages or updates may not have gone out. Do not redo it; \`/sop status\` shows where the cycle is.`,
    );
  }
  if (record.status === "attempted") {
    const ref = logFailure(log, err, "the change may or may not have been saved", { attempted: what });
    const why = isDatabaseOutage(err)
      ? "the S&OP database is not reachable right now"
      : "something went wrong on our side";
    return errorMessage(
      `While saving ${what}, ${why} (ref ${ref}), so it may or may not have been saved. \`/sop status\` shows what was saved; please try again in a minute if it was not.`,
    );
  }
  if (err instanceof UserError && !isDatabaseOutage(err))
    return errorMessage(slackErrorText(err), err.details);
  if (isDatabaseOutage(err)) {
    const ref = logFailure(log, err, "database unavailable", {}, "warn");
    return errorMessage(
      `The S&OP database is not reachable right now (ref ${ref}). Nothing was changed; please try again in a minute.`,
    );
  }
  // Slack refusing a modal: trigger ids expire 3 s after the click (e.g. after a 429 wait) — not our bug.
  const slack = err as { code?: string; data?: { error?: string } };
  if (slack?.code === "slack_webapi_platform_error" && /trigger/.test(slack.data?.error ?? "")) {
    logFailure(log, slack.data?.error, "modal could not be opened", {}, "warn");
    return errorMessage(FORM_NOT_OPENED[kind]);
  }
  if (slack?.code === "slack_webapi_rate_limited_error") {
    logFailure(log, err, "rate limited by Slack after retries", {}, "warn");
    return errorMessage(
      "Slack is rate-limiting the app right now. Nothing was changed; please try again in a minute.",
    );
  }
  const ref = logFailure(log, err, "listener failed");
  return errorMessage(
    `Something went wrong on our side (ref ${ref}). Nothing was changed; please try again.`,
  );
}
