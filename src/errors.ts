/**
 * Errors with codes (as bolt-js does). A UserError carries a message meant for the person who acted;
 * anything else is a bug or an outage and is logged, and the user sees a generic message.
 */
export type UserErrorCode =
  | "not_authorized"
  | "not_configured"
  | "bad_input"
  | "not_found"
  | "conflict"
  | "stale"
  | "unavailable";

/**
 * What the person can do next, as a step rather than words: the Slack layer names it as a slash
 * command, the command line as a `sop` command line.
 */
export type NextStep =
  | { step: "configure" }
  | { step: "start"; period: string }
  | { step: "import-demand"; teamId: string }
  | { step: "status"; teamId: string; period: string }
  | { step: "reopen-submit"; teamId: string; period: string; phaseId: string }
  | { step: "month-example"; period: string };

export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    /** Line- or field-named details, e.g. CSV errors. */
    readonly details: string[] = [],
    /** What to do about it (each surface words it in its own terms). */
    readonly next?: NextStep,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** The database could not be reached; the user is told to try again. */
export class DatabaseUnavailableError extends UserError {
  constructor(cause?: unknown) {
    super(
      "unavailable",
      "The S&OP database is not reachable right now. Nothing was changed; please try again in a minute.",
    );
    this.name = "DatabaseUnavailableError";
    if (cause !== undefined) this.cause = cause;
  }
}

/** Recognises driver errors that mean "the server is not there" rather than "the request is wrong". */
export function isDatabaseOutage(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  if (!(err instanceof Error)) return false;
  const name = err.name ?? "";
  // The driver (mongodb 7.8) lets a raw socket error through when the server hangs up mid-write.
  const code = (err as { code?: unknown }).code;
  if ((code === "EPIPE" || code === "ECONNRESET") && /[/\\]mongodb[/\\]/.test(err.stack ?? "")) return true;
  return (
    /MongoServerSelectionError|MongoNetworkError|MongoNetworkTimeoutError|MongoNotConnectedError|MongoTopologyClosedError|MongoPoolClearedError/.test(
      name,
    ) || /buffering timed out|connection .* closed|ECONNREFUSED|Client must be connected/i.test(err.message)
  );
}
